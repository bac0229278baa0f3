using Deliberation.Web.Hosting;

namespace Deliberation.Web.Tests.Hosting;

public class MarkdownTests
{
    public static TheoryData<string> HostileLinks => [.. HostileMarkdown.Links];

    public static TheoryData<string> HostileImages => [.. HostileMarkdown.Images];

    [Theory]
    [MemberData(nameof(HostileLinks))]
    public void DropsTheAddressOfAnUnsafeLinkAndKeepsItsText(string markdown)
    {
        var page = Html.Parse(Markdown.ToHtml(markdown));

        Assert.Empty(HostileMarkdown.Unsafe(page));
        Assert.Empty(page.QuerySelectorAll("a"));
        Assert.Empty(page.QuerySelectorAll("img"));
    }

    [Theory]
    [MemberData(nameof(HostileImages))]
    public void ShowsAnImageWithAnUnsafeAddressAsItsAltText(string markdown)
    {
        var page = Html.Parse(Markdown.ToHtml(markdown));

        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Contains("alt", page.Body!.TextContent);
    }

    [Fact]
    public void KeepsTheTextOfAnUnsafeLink()
    {
        var page = Html.Parse(Markdown.ToHtml("see [the **plan**](javascript:alert(1)) now"));

        Assert.Equal("see the plan now", page.Body!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("strong"));
    }

    [Theory]
    [InlineData("[site](https://example.org/a?b=1)", "https://example.org/a?b=1")]
    [InlineData("[site](HTTP://example.org)", "HTTP://example.org")]
    [InlineData("[mail](mailto:clerk@example.org)", "mailto:clerk@example.org")]
    [InlineData("[item](/councils/lakeside/items/item-1)", "/councils/lakeside/items/item-1")]
    [InlineData("[up](../notes)", "../notes")]
    [InlineData("[here](#timeline)", "#timeline")]
    [InlineData("[far](//example.org/x)", "//example.org/x")]
    [InlineData("<https://example.org>", "https://example.org")]
    [InlineData("<clerk@example.org>", "mailto:clerk@example.org")]
    public void KeepsSafeLinks(string markdown, string href)
    {
        var page = Html.Parse(Markdown.ToHtml(markdown));

        Assert.Equal(href, page.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void KeepsImagesWithSafeAddresses()
    {
        var page = Html.Parse(Markdown.ToHtml("![map](https://example.org/map.png)"));

        Assert.Equal("https://example.org/map.png", page.QuerySelector("img")?.GetAttribute("src"));
    }

    [Fact]
    public void ShowsRawHtmlAsText()
    {
        var page = Html.Parse(Markdown.ToHtml("<script>alert(1)</script> <a href=\"javascript:alert(1)\">x</a> <img src=x onerror=alert(1)>"));

        Assert.Empty(page.QuerySelectorAll("script, a, img"));
        Assert.Contains("<script>", page.Body!.TextContent);
    }
}
