using System.Net;
using AngleSharp.Html.Dom;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>A live meeting run from its page, as the chair and members meet it in a browser without script.</summary>
public sealed class MeetingPageTests : IAsyncLifetime
{
    private readonly CouncilApp _app = new();
    private HttpClient _clerk = null!, _chair = null!;
    private string _page = "";

    public async Task InitializeAsync()
    {
        _clerk = await _app.SignedInAs("clerk");
        _chair = await _app.SignedInAs("chair");
        await (await _clerk.Post("/api/councils/lakeside/items/item-demo-parking/complete-step")).Expect(HttpStatusCode.OK);
        var created = await (await _clerk.Post("/api/councils/lakeside/meetings", new
        {
            bodyId = "party-members", title = "党员大会（第 3 次）", startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅", agenda = new[] { "item-demo-parking" },
        })).Expect(HttpStatusCode.Created);
        _page = $"/councils/lakeside/meetings/{created.GetProperty("id").GetString()}";
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheChairRunsTheMeetingAndMembersVoteFromThePage()
    {
        await Submit(_chair, new() { ["Action"] = "open" }, "open");
        var names = await RollAsync();
        await Submit(_chair, new() { ["Action"] = "attendance", ["UserId"] = names["李主任 Chair Li"], ["Attendance"] = "Present" }, "attendance");
        await Submit(_chair, new() { ["Action"] = "attendance", ["UserId"] = names["刘代表 Rep. Liu"], ["Attendance"] = "Absent" }, "attendance");
        await Submit(_chair, new() { ["Action"] = "attendance", ["UserId"] = names["张代表 Rep. Zhang"], ["Attendance"] = "Proxy", ["ProxyFor"] = names["刘代表 Rep. Liu"] }, "attendance");
        await Submit(_chair, new() { ["Action"] = "take-up", ["ItemId"] = "item-demo-parking" }, "take-up");
        await Submit(_chair, new() { ["Action"] = "open-ballot" }, "open-ballot");

        var member = await _app.SignedInAs("member1");
        var page = await Page(member);
        var voteForms = page.QuerySelectorAll("form.vote").ToList();
        Assert.Equal(2, voteForms.Count);
        var own = Fields(voteForms[0]);
        own["Choice"] = "For";
        await Submit(member, own, "vote");
        await Submit(member, own, "vote"); // a double tap: the same form again
        var proxy = Fields(voteForms[1]);
        proxy["Choice"] = "Against";
        await Submit(member, proxy, "vote");
        var chairVote = Fields((await Page(_chair)).QuerySelector("form.vote")!);
        chairVote["Choice"] = "For";
        await Submit(_chair, chairVote, "vote");
        var ballotId = own["BallotId"];
        await Submit(_chair, new() { ["Action"] = "close-ballot", ["BallotId"] = ballotId }, "close-ballot");

        var after = await Page(_clerk);
        // The item is not disclosed yet, so neither is its ballot.
        Assert.Null((await Page(_app.Visitor())).QuerySelector("section[aria-labelledby^=ballot-]"));
        Assert.Contains("通过", after.QuerySelector("section[aria-labelledby^=ballot-] [role=status]")?.TextContent);
        var forRow = after.QuerySelectorAll("section[aria-labelledby^=ballot-] tbody tr").First();
        Assert.Equal("2", forRow.QuerySelectorAll("td")[0].TextContent);
        var item = await (await _clerk.GetAsync("/api/councils/lakeside/items/item-demo-parking")).Expect(HttpStatusCode.OK);
        Assert.Equal("resolution", item.GetProperty("currentStep").GetProperty("id").GetString());
    }

    [Fact]
    public async Task OnceTheItemIsDisclosedTheItemPageShowsWhoVotedWhat()
    {
        await Submit(_chair, new() { ["Action"] = "open" }, "open");
        var names = await RollAsync();
        await Submit(_chair, new() { ["Action"] = "attendance", ["UserId"] = names["张代表 Rep. Zhang"], ["Attendance"] = "Present" }, "attendance");
        await Submit(_chair, new() { ["Action"] = "take-up", ["ItemId"] = "item-demo-parking" }, "take-up");
        await Submit(_chair, new() { ["Action"] = "open-ballot" }, "open-ballot");
        var member = await _app.SignedInAs("member1");
        var vote = Fields((await Page(member)).QuerySelector("form.vote")!);
        vote["Choice"] = "For";
        await Submit(member, vote, "vote");

        await Submit(_chair, new() { ["Action"] = "close-ballot", ["BallotId"] = vote["BallotId"] }, "close-ballot");

        // One member of three present: no quorum, so the item closes as rejected, and a rejection is disclosed at once.
        var item = Html.Parse(await _app.Visitor().GetStringAsync("/councils/lakeside/items/item-demo-parking"));
        var ballots = item.QuerySelector("section[aria-labelledby=ballots]");
        Assert.NotNull(ballots);
        Assert.Contains("张代表 Rep. Zhang: 赞成", ballots!.TextContent);
        Assert.Contains("未达法定人数", ballots.TextContent);
    }

    [Fact]
    public async Task TheClerkSchedulesAMeetingFromAForm()
    {
        var form = await _clerk.GetStringAsync("/councils/lakeside/meetings/new");
        Assert.NotNull(Html.Parse(form).QuerySelector("input[name=Agenda][value=item-demo-parking]"));

        var posted = await _clerk.PostAsync("/councils/lakeside/meetings/new", new FormUrlEncodedContent(
        [
            new("BodyId", "villager-representatives"), new("Title", "村民代表会议（第 13 次）"), new("StartsAt", CouncilAppSteps.NextWeek.ToLocalTime().ToString("yyyy-MM-ddTHH:mm")),
            new("Place", "湖边议事厅"), new("Agenda", "item-demo-parking"), new("__RequestVerificationToken", Html.AntiforgeryToken(form)),
        ]));

        Assert.Matches("^/councils/lakeside/meetings/meeting-[a-z0-9]+\\?done=scheduled$", posted.Headers.Location?.OriginalString);
        var page = Html.Parse(await _app.Visitor().GetStringAsync(posted.Headers.Location!.OriginalString.Split('?')[0]));
        Assert.Equal("村民代表会议（第 13 次）", page.QuerySelector("h1")?.TextContent);
        Assert.Single(page.QuerySelectorAll("main ol > li"));
    }

    [Fact]
    public async Task AMeetingWithoutADateComesBackWithTheReasonAndNothingWritten()
    {
        var form = await _clerk.GetStringAsync("/councils/lakeside/meetings/new");
        var before = await _app.CountEventsAsync();

        var posted = await _clerk.PostAsync("/councils/lakeside/meetings/new", new FormUrlEncodedContent(
        [
            new("BodyId", "villager-representatives"), new("Title", "会议"), new("StartsAt", "next tuesday"), new("Place", "湖边议事厅"),
            new("__RequestVerificationToken", Html.AntiforgeryToken(form)),
        ]));

        Assert.StartsWith("/councils/lakeside/meetings/new?error=", posted.Headers.Location?.OriginalString);
        Assert.Equal(before, await _app.CountEventsAsync());
        var back = Html.Parse(await _clerk.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.NotNull(back.QuerySelector("p.error[role=alert]"));
    }

    [Fact]
    public async Task AVisitorSeesTheMeetingButNoConsoleNorVotes()
    {
        var page = await Page(_app.Visitor());

        Assert.Equal("党员大会（第 3 次）", page.QuerySelector("h1")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("form[action$='/act']"));
        Assert.Contains("尚未公开", page.QuerySelector("main ol")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("main table tbody tr").Length);
    }

    [Fact]
    public async Task AMemberOfAnotherBodyHasNoVoteAndAForgedOneComesBackWithTheReason()
    {
        await Submit(_chair, new() { ["Action"] = "open" }, "open");
        var names = await RollAsync();
        await Submit(_chair, new() { ["Action"] = "attendance", ["UserId"] = names["张代表 Rep. Zhang"], ["Attendance"] = "Present" }, "attendance");
        await Submit(_chair, new() { ["Action"] = "take-up", ["ItemId"] = "item-demo-parking" }, "take-up");
        await Submit(_chair, new() { ["Action"] = "open-ballot" }, "open-ballot");
        var ballotId = Fields((await Page(await _app.SignedInAs("member1"))).QuerySelector("form.vote")!)["BallotId"];
        var outsider = await _app.SignedInAs("member3");
        var page = await Page(outsider);
        Assert.Empty(page.QuerySelectorAll("form.vote"));

        var posted = await Post(outsider, page, new() { ["Action"] = "vote", ["BallotId"] = ballotId, ["Choice"] = "For", ["ClientVoteId"] = "forged" });

        Assert.Contains("error=", posted.Headers.Location?.OriginalString);
        var ballot = await (await _clerk.GetAsync($"/api/councils/lakeside/ballots/{ballotId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, ballot.GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task EveryConsoleFieldHasALabel()
    {
        await Submit(_chair, new() { ["Action"] = "open" }, "open");

        var page = await Page(_chair);

        var fields = page.QuerySelectorAll("form select, form input:not([type=hidden])").ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.NotNull(page.QuerySelector($"label[for='{f.Id}']")));
    }

    private async Task<Dictionary<string, string>> RollAsync()
    {
        var page = await Page(_chair);
        return page.QuerySelectorAll("#roll-member option").ToDictionary(o => o.TextContent, o => o.GetAttribute("value")!);
    }

    private async Task<IHtmlDocument> Page(HttpClient client) => Html.Parse(await client.GetStringAsync(_page));

    private static Dictionary<string, string> Fields(AngleSharp.Dom.IElement form) =>
        form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

    private async Task Submit(HttpClient client, Dictionary<string, string> fields, string done)
    {
        var html = await client.GetStringAsync(_page);
        var posted = await Post(client, Html.Parse(html), fields);
        Assert.Equal($"{_page}?done={done}", posted.Headers.Location?.OriginalString);
    }

    private async Task<HttpResponseMessage> Post(HttpClient client, IHtmlDocument page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync($"{_page}/act", new FormUrlEncodedContent(fields));
    }
}
