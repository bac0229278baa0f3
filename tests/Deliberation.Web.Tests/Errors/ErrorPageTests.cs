using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Errors;

/// <summary>A person in a browser meets errors as pages in their language; programs get problem details that follow theirs.</summary>
public sealed class ErrorPageTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnUnverifiedAccountOpeningTheSubmitFormSeesHowToBecomeVerified()
    {
        var unverified = await _app.SignedInAs("visitor");

        var response = await unverified.SendAsync(BrowserGet("/councils/lakeside/items/new"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("认证居民", page.QuerySelector("main")?.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/account/join']"));
    }

    [Fact]
    public async Task AMissingPageIsAPageInTheChosenLanguage()
    {
        var visitor = _app.Visitor();
        await visitor.GetAsync("/language/en");

        var response = await visitor.SendAsync(BrowserGet("/no/such/page"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task AProblemDetailFollowsTheRequestsLanguageAndStaysStableWithoutOne()
    {
        var visitor = _app.Visitor();

        var chinese = await visitor.SendAsync(ApiGet("/api/councils/lakeside/items/item-demo-lights", "zh-CN,zh;q=0.9"));
        var english = await visitor.SendAsync(ApiGet("/api/councils/lakeside/items/item-demo-lights", "en-GB"));
        var none = await visitor.SendAsync(ApiGet("/api/councils/lakeside/items/item-demo-lights", null));

        Assert.Equal("未找到", (await chinese.ExpectProblem(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        Assert.Equal("Not found", (await english.ExpectProblem(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        Assert.False((await none.ExpectProblem(HttpStatusCode.NotFound)).TryGetProperty("language", out _));
    }

    private static HttpRequestMessage BrowserGet(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        return request;
    }

    private static HttpRequestMessage ApiGet(string url, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }
}
