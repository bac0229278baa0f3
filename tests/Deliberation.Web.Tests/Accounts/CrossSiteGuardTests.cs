using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>A page on another site can make the browser send the session cookie, but cannot make an API write count.</summary>
public sealed class CrossSiteGuardTests : IClassFixture<CrossSiteGuardTests.App>
{
    public sealed class App() : CouncilApp(seedDemo: true);

    private const string Follow = "/api/councils/lakeside/items/item-demo-road/follow";
    private readonly App _app;

    public CrossSiteGuardTests(App app) => _app = app;

    [Fact]
    public async Task RefusesABodylessSignOutFromAForeignOrigin()
    {
        var victim = await SignedInWithoutOrigin("resident");

        var response = await victim.SendAsync(Request("/api/account/sign-out", origin: "https://evil.example"));

        var problem = await response.ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("urn:deliberation:problem:cross-site-request", problem.GetProperty("type").GetString());
        await (await victim.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task RefusesAFollowWithASimpleBodyAndNoOrigin(string contentType)
    {
        var victim = await SignedInWithoutOrigin("member1");

        var response = await victim.SendAsync(Request(Follow, content: new StringContent("x=1", null, contentType)));

        await response.ExpectProblem(HttpStatusCode.Forbidden);
        var following = await (await victim.GetAsync("/api/account/following")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("item-demo-road", following.GetRawText());
    }

    [Fact]
    public async Task RefusesAWriteThatTheBrowserMarksCrossSite()
    {
        var victim = await SignedInWithoutOrigin("member2");

        var response = await victim.SendAsync(Request(Follow, fetchSite: "cross-site", content: new StringContent("{}", null, "application/json")));

        await response.ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AcceptsBodylessWritesFromThisSite()
    {
        var resident = await SignedInWithoutOrigin("member3");

        await (await resident.SendAsync(Request(Follow, origin: "https://localhost"))).Expect(HttpStatusCode.OK);
        await (await resident.SendAsync(Request("/api/account/sign-out", fetchSite: "same-origin"))).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task AcceptsAJsonBodyFromAClientThatSendsNoOrigin()
    {
        var script = await SignedInWithoutOrigin("visitor");

        await (await script.Post(Follow)).Expect(HttpStatusCode.OK);
    }

    private async Task<HttpClient> SignedInWithoutOrigin(string login)
    {
        var client = _app.Visitor(sameOrigin: false);
        await (await client.Post("/api/account/sign-in", new { login, password = CouncilApp.DemoPassword })).Expect(HttpStatusCode.OK);
        return client;
    }

    private static HttpRequestMessage Request(string url, string? origin = null, string? fetchSite = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }
}
