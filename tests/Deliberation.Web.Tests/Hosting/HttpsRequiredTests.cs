using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>In Production, cookies are Secure: a form page reached over plain http says so, in both languages.</summary>
public sealed class HttpsRequiredTests
{
    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/councils/lakeside")]
    public async Task AFormPageOverPlainHttpWithNoProxyNamedSaysToUseHttps(string path)
    {
        using var app = new CouncilApp(environment: "Production");
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://deliberation.example.org"), AllowAutoRedirect = false });

        var response = await browser.GetAsync(path);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = Html.Parse(html);
        Assert.Contains("https", page.QuerySelector("h1[lang=zh-Hans]")?.TextContent);
        Assert.Contains("https", page.QuerySelector("h1[lang=en]")?.TextContent);
        Assert.Equal($"https://deliberation.example.org{path}", page.QuerySelector("main a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheApiAndHealthStillAnswerOverPlainHttp()
    {
        using var app = new CouncilApp(environment: "Production");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://deliberation.example.org") });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/councils/lakeside")).StatusCode);
    }
}
