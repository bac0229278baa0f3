using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Minutes;

/// <summary>
/// The party members' meeting approves its minutes by a vote at its next meeting (configuration
/// <c>Minutes:ApprovedByVote</c>): the chair alone cannot; the clerk or chair names, from a pick list on the edit page,
/// a ballot the body passed at a later meeting.
/// </summary>
public sealed class MinutesApprovedByVoteTests(MinutesApprovedByVoteTests.App app) : IClassFixture<MinutesApprovedByVoteTests.App>
{
    private const string Council = ClosedMeeting.Council;

    [Fact]
    public async Task TheChairPicksTheBallotOfTheNextMeetingOnThePageAndTheMinutesAreApproved()
    {
        var first = await ClosedMeeting.HoldAsync(app);
        var chair = await app.SignedInAs("chair");
        var edit = $"/councils/lakeside/meetings/{first}/minutes/edit";

        await (await chair.Post($"{Council}/meetings/{first}/minutes/approve", new { requestId = "by-chair" })).ExpectProblem(HttpStatusCode.Conflict);
        var before = Html.Parse(await chair.GetStringAsync(edit));
        Assert.Null(before.QuerySelector("select[name='ByVote.BallotId']"));
        Assert.Contains("尚未表决通过", before.Body!.TextContent);

        var next = await ClosedMeeting.HoldAsync(app);
        var nextBallot = Assert.Single((await (await chair.GetAsync($"{Council}/meetings/{next}")).Expect(HttpStatusCode.OK))
            .GetProperty("ballots").EnumerateArray()).GetString()!;
        var page = await chair.GetStringAsync(edit);
        var options = Html.Parse(page).QuerySelectorAll("select[name='ByVote.BallotId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([nextBallot], options);

        var posted = await chair.PostAsync(edit, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "approve-by-vote", ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
            ["ByVote.BallotId"] = nextBallot, ["ByVote.Confirmed"] = "true", ["ByVote.RequestId"] = "by-vote-1",
        }));

        var answer = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK, answer);
        Assert.Contains("纪要已审定", answer);
        var minutes = await (await chair.GetAsync($"{Council}/meetings/{first}/minutes")).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", minutes.GetProperty("status").GetString());
        var clerk = await app.SignedInAs("clerk");
        await (await clerk.Post($"{Council}/meetings/{first}/minutes/publish", new { requestId = "publish-1" })).Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await app.Visitor().GetAsync($"/councils/lakeside/meetings/{first}/minutes")).StatusCode);
    }

    [Fact]
    public async Task RefusesABallotOfAnEarlierMeetingOrOneThatDoesNotExist()
    {
        var earlier = await ClosedMeeting.HoldAsync(app);
        var later = await ClosedMeeting.HoldAsync(app);
        var chair = await app.SignedInAs("chair");
        var earlierBallot = Assert.Single((await (await chair.GetAsync($"{Council}/meetings/{earlier}")).Expect(HttpStatusCode.OK))
            .GetProperty("ballots").EnumerateArray()).GetString()!;
        var approve = $"{Council}/meetings/{later}/minutes/approve";

        await (await chair.Post(approve, new { ballotId = earlierBallot, requestId = "earlier" })).ExpectProblem(HttpStatusCode.BadRequest);
        await (await chair.Post(approve, new { ballotId = "ballot-nowhere", requestId = "nowhere" })).ExpectProblem(HttpStatusCode.BadRequest);

        var minutes = await (await chair.GetAsync($"{Council}/meetings/{later}/minutes")).Expect(HttpStatusCode.OK);
        Assert.NotEqual("Approved", minutes.GetProperty("status").GetString());
    }

    public sealed class App() : CouncilApp(settings: new Dictionary<string, string?> { ["Minutes:ApprovedByVote:0"] = "party-members" });
}
