using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Home;

/// <summary>What a visitor who is not signed in meets: server-rendered pages, in Chinese first, with no script needed.</summary>
public sealed class PublicPagesTests(PublicPagesTests.App app) : IClassFixture<PublicPagesTests.App>
{
    public sealed class App() : CouncilApp(seedDemo: true);

    [Fact]
    public async Task HomePageShowsTheDemoCouncilItsBodiesMeetingsAndDisclosedItemsInChinese()
    {
        var response = await app.Visitor().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("湖边村议事会", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("村民代表会议", html);
        Assert.Contains("村民代表会议（第 12 次）", html);
        Assert.Contains("垃圾分类亭选址", html);
        Assert.DoesNotContain("湖边步道路灯维修", html);
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task SignedInCouncilPeopleAlsoSeeItemsNotYetDisclosed()
    {
        var clerk = await app.SignedInAs("clerk");

        var html = await clerk.GetStringAsync("/councils/lakeside");

        Assert.Contains("湖边步道路灯维修", html);
    }

    [Fact]
    public async Task SwitchesToEnglishWithAPlainLink()
    {
        var client = app.Visitor();

        var switched = await client.GetAsync("/language/en?returnUrl=/councils/lakeside");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var page = Html.Parse(await client.GetStringAsync("/councils/lakeside"));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Lakeside Village Council", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task ItemPageShowsADisclosedItemsWholeHistoryWithResidentsUnnamed()
    {
        var response = await app.Visitor().GetAsync("/councils/lakeside/items/item-demo-road");
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("村道硬化工程", page.QuerySelector("h1")?.TextContent);
        Assert.True(page.QuerySelectorAll("ol.timeline > li").Length >= 15);
        Assert.Contains("提交议题", html);
        Assert.Contains("表决通过", html);
        Assert.Contains("王秘书", html);
        Assert.DoesNotContain("吴阿姨", html);
        Assert.Contains("完整", html);
        Assert.Contains("赞成 4，反对 1，弃权 0（到会 5 人，应到 5 人）", html);
    }

    [Fact]
    public async Task ItemPageOfAnUndisclosedItemIsNotFoundForAVisitor()
    {
        var response = await app.Visitor().GetAsync("/councils/lakeside/items/item-demo-lights");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PagesCarryAStrictContentSecurityPolicy()
    {
        var response = await app.Visitor().GetAsync("/");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task ClerkOnlyPageSendsAVisitorToSignIn()
    {
        var response = await app.Visitor().GetAsync("/councils/lakeside/invitations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?returnUrl=", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task HealthAndOpenApiAnswer()
    {
        var client = app.Visitor();

        await (await client.GetAsync("/healthz")).Expect(HttpStatusCode.OK);
        var openApi = await (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/councils/{councilId}/items/{itemId}/accept", out _));
    }
}
