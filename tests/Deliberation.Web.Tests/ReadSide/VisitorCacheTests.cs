using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.ReadSide;

/// <summary>
/// A signed-out visitor's public pages set no cookie, so the output cache keeps them; the cache's own <c>Age</c> header
/// (set only on an answer served from the cache) tells a stored answer from a rendering. Signed-in people are never
/// served from it, and an event on the item gives the next visitor a fresh page.
/// </summary>
public sealed class VisitorCacheTests(VisitorCacheTests.App app) : IClassFixture<VisitorCacheTests.App>
{
    public sealed class App() : CouncilApp(seedDemo: true);

    private const string Items = "/api/councils/lakeside/items";

    public static TheoryData<string> VisitorPages => new()
    {
        "/", "/councils/lakeside", "/councils/lakeside/items/item-demo-road", "/councils/lakeside/board",
        "/councils/lakeside/board?q=%E5%9E%83%E5%9C%BE", "/councils/lakeside/meetings/meeting-demo-past/minutes",
        "/councils/lakeside/meetings/archive", "/councils/lakeside/figures/public",
    };

    [Theory]
    [MemberData(nameof(VisitorPages))]
    public async Task AVisitorsPageSetsNoCookieAndForbidsNoCaching(string page)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var answer = await app.Visitor().SendAsync(new HttpRequestMessage(method, page));

            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{method} {page}: {(int)answer.StatusCode}");
            Assert.False(answer.Headers.Contains("Set-Cookie"), $"{method} {page} sets {string.Join("; ", answer.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
            Assert.DoesNotContain("no-store", answer.Headers.CacheControl?.ToString() ?? "");
        }
        // What makes that safe: such a page has no form a visitor could post (a form there would carry no token).
        var forms = Html.Parse(await app.Visitor().GetStringAsync(page)).QuerySelectorAll("form");
        Assert.All(forms, form => Assert.Equal("get", form.GetAttribute("method")?.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("/councils/lakeside/items/item-demo-road")]
    [InlineData("/councils/lakeside/board")]
    public async Task TheSecondVisitorIsServedFromTheCache(string page)
    {
        var first = await app.Visitor().GetAsync(page);
        var second = await app.Visitor().GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AProgressReportOnTheItemReachesTheNextVisitor()
    {
        const string page = "/councils/lakeside/items/item-demo-canteen";
        await app.Visitor().GetStringAsync(page);
        var cached = await app.Visitor().GetAsync(page);
        var property = await app.SignedInAs("property");

        await (await property.Post($"{Items}/item-demo-canteen/report-progress",
            new { text = "灶台已砌好", percentDone = 60, requestId = "visitor-cache-progress" })).Expect(HttpStatusCode.OK);
        var after = await app.Visitor().GetAsync(page);

        Assert.NotNull(cached.Headers.Age);
        Assert.DoesNotContain("灶台已砌好", await cached.Content.ReadAsStringAsync());
        Assert.Null(after.Headers.Age);
        Assert.Contains("灶台已砌好", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedInPeopleAreNeverServedTheVisitorsPageNorLeaveTheirsToVisitors()
    {
        const string page = "/councils/lakeside/items/item-demo-kiosks";
        await app.Visitor().GetStringAsync(page);
        var clerk = await app.SignedInAs("clerk");

        var asClerk = await clerk.GetAsync(page);
        var clerkHtml = await asClerk.Content.ReadAsStringAsync();
        var asVisitor = await app.Visitor().GetAsync(page);
        var visitorHtml = await asVisitor.Content.ReadAsStringAsync();

        Assert.Null(asClerk.Headers.Age);
        Assert.Contains("/account/sign-out", clerkHtml);
        Assert.NotEmpty(Html.AntiforgeryToken(clerkHtml)); // signed in, the page's forms still carry their token
        Assert.NotNull(asVisitor.Headers.Age);
        Assert.DoesNotContain("/account/sign-out", visitorHtml);
        Assert.DoesNotContain("__RequestVerificationToken", visitorHtml);
    }

    [Fact]
    public async Task TheSignInFormKeepsItsTokenAndAPostWithoutItIsRefused()
    {
        var visitor = app.Visitor();

        var page = await visitor.GetAsync("/account/sign-in");
        var token = Html.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var withoutToken = await app.Visitor().PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["Form.Login"] = "clerk", ["Form.Password"] = CouncilApp.DemoPassword,
        }));

        Assert.NotEmpty(token);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("deliberation.antiforgery=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.False(withoutToken.Headers.Contains("Set-Cookie") && withoutToken.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("deliberation.session=", StringComparison.Ordinal)));
    }
}
