using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>The clerk establishes a body, with its decision rule and ballot practice, from a page that works without script.</summary>
public sealed class BodiesPageTests(BodiesPageTests.App app) : IClassFixture<BodiesPageTests.App>
{
    public sealed class App() : CouncilApp(seedDemo: true);

    private const string Page = "/councils/lakeside/bodies";

    [Fact]
    public async Task TheClerkEstablishesABodyWithItsRuleAndPracticeAndASecondOfTheSameIdComesBackAsAMessage()
    {
        var clerk = await app.SignedInAs("clerk");
        Assert.NotNull(Html.Parse(await clerk.GetStringAsync("/councils/lakeside")).QuerySelector($"a[href='{Page}']"));
        var page = await clerk.GetStringAsync(Page);
        var rule = Html.Parse(page).QuerySelectorAll("select#body-rule option").Last().GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["BodyId"] = "owners-assembly", ["NameZh"] = "业主大会", ["NameEn"] = "Owners' assembly", ["DecisionRuleId"] = rule,
            ["ProxiesCountTowardQuorum"] = "false", ["VotesMayChange"] = "true",
        };

        var established = await clerk.PostAsync(Page, Form(page, fields));
        var before = await app.CountEventsAsync();
        var again = await clerk.PostAsync(Page, Form(await clerk.GetStringAsync(Page), fields));

        Assert.Equal($"{Page}?done=established", established.Headers.Location?.OriginalString);
        var body = (await (await clerk.GetAsync("/api/councils/lakeside")).Expect(HttpStatusCode.OK)).GetProperty("bodies").EnumerateArray()
            .Single(b => b.GetProperty("id").GetString() == "owners-assembly");
        Assert.Equal(rule, body.GetProperty("decisionRuleId").GetString());
        Assert.False(body.GetProperty("proxiesCountTowardQuorum").GetBoolean());
        Assert.True(body.GetProperty("votesMayChange").GetBoolean());
        Assert.NotNull(Html.Parse(await clerk.GetStringAsync(again.Headers.Location!.OriginalString)).QuerySelector("p.error[role=alert]"));
        Assert.Equal(before, await app.CountEventsAsync());
    }

    [Fact]
    public async Task NobodyButTheClerkSeesThePageOrEstablishesABody()
    {
        var chair = await app.SignedInAs("chair");
        var before = await app.CountEventsAsync();

        var seen = await chair.GetAsync(Page);
        var posted = await chair.PostAsync(Page, Form(await chair.GetStringAsync("/account"), new()
        {
            ["BodyId"] = "chairs-body", ["NameZh"] = "主持人会", ["DecisionRuleId"] = "simple-majority",
            ["ProxiesCountTowardQuorum"] = "true", ["VotesMayChange"] = "false",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, seen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(before, await app.CountEventsAsync());
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }
}
