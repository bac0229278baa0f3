using System.Net;
using Deliberation.Web.Tests.Hosting;
using static Deliberation.Web.Tests.Ballots.BodyBallotSteps;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>Ballots between options, changed votes, paper ballots, weighted votes and the proxy quorum rule, through the HTTP API.</summary>
public sealed class BallotKindsTests : IAsyncLifetime
{
    private readonly CouncilApp _app = new();
    private HttpClient _chair = null!, _member1 = null!, _member3 = null!;

    public async Task InitializeAsync()
    {
        _chair = await _app.SignedInAs("chair");
        _member1 = await _app.SignedInAs("member1");
        _member3 = await _app.SignedInAs("member3");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static readonly OnRoll[] ThreePresent = [new("chair", 1), new("member1", 1), new("member3", 1)];

    [Fact]
    public async Task ACommitteeIsElectedChoosingUpToTwoOfFour()
    {
        var meeting = await _app.BodyInSessionAsync("election", "simple-majority", ThreePresent);
        var (ballot, opened) = await _app.OpenBallotAsync(meeting, new
        {
            options = new[] { "王", "李", "赵", "孙" }, maxChoices = 2, selectionRuleId = "plurality",
        });
        Assert.Equal(4, opened.GetProperty("options").GetArrayLength());
        Assert.Equal(2, opened.GetProperty("maxChoices").GetInt32());

        var receipt = await (await _chair.Post($"{ballot}/votes", new { options = new[] { "王", "李" }, clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);
        await (await _member1.Post($"{ballot}/votes", new { options = new[] { "李", "赵" }, clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        await (await _member3.Post($"{ballot}/votes", new { options = new[] { "王", "李", "赵" }, clientVoteId = "x-1" }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        await (await _member3.Post($"{ballot}/votes", new { options = new[] { "李", "王" }, clientVoteId = "x-2" })).Expect(HttpStatusCode.OK);
        var closed = await (await _chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        Assert.Equal(["王", "李"], receipt.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        var options = closed.GetProperty("result").GetProperty("options").EnumerateArray()
            .ToDictionary(o => o.GetProperty("option").GetString()!, o => (Members: o.GetProperty("members").GetInt32(), Elected: o.GetProperty("elected").GetBoolean()));
        Assert.Equal((3, true), options["李"]);
        Assert.Equal((2, true), options["王"]);
        Assert.Equal((1, false), options["赵"]);
        Assert.True(closed.GetProperty("result").GetProperty("passes").GetBoolean());
        Assert.False(closed.GetProperty("recordedOnItem").GetBoolean());
        Assert.Equal(3, closed.GetProperty("votes").GetArrayLength());
    }

    [Fact]
    public async Task OptionsNeedAKnownSelectionRule()
    {
        var meeting = await _app.BodyInSessionAsync("election", "simple-majority", ThreePresent);

        await (await _chair.Post($"{meeting}/ballots", new { options = new[] { "王", "李" }, selectionRuleId = "coin-toss" }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        await (await _chair.Post($"{meeting}/ballots", new { options = new[] { "王" } })).ExpectProblem(HttpStatusCode.BadRequest);
        var meetingView = await (await _chair.GetAsync(meeting)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, meetingView.GetProperty("ballots").GetArrayLength());
    }

    [Fact]
    public async Task WhereTheBodyAllowsItAMemberChangesTheirVoteAndTheLastCounts()
    {
        var meeting = await _app.BodyInSessionAsync("changeable", "simple-majority", ThreePresent, votesMayChange: true);
        var (ballot, opened) = await _app.OpenBallotAsync(meeting, new { });
        Assert.True(opened.GetProperty("votesMayChange").GetBoolean());

        await (await _member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        var changed = await (await _member1.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-2" })).Expect(HttpStatusCode.OK);
        var lateResend = await (await _member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        var view = await (await _member1.GetAsync(ballot)).Expect(HttpStatusCode.OK);
        var closed = await (await _chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        Assert.True(changed.GetProperty("changed").GetBoolean());
        Assert.False(lateResend.GetProperty("recorded").GetBoolean());
        Assert.Equal("Against", lateResend.GetProperty("choice").GetString());
        Assert.Single(view.GetProperty("youMayChangeFor").EnumerateArray());
        Assert.Equal("Against", Assert.Single(view.GetProperty("yourVotes").EnumerateArray()).GetProperty("choice").GetString());
        Assert.Equal(0, closed.GetProperty("result").GetProperty("forMembers").GetInt32());
        Assert.Equal(1, closed.GetProperty("result").GetProperty("againstMembers").GetInt32());
    }

    [Fact]
    public async Task WhereTheBodyDoesNotAllowItASecondVoteIsRefused()
    {
        var meeting = await _app.BodyInSessionAsync("fixed", "simple-majority", ThreePresent);
        var (ballot, _) = await _app.OpenBallotAsync(meeting, new { });

        await (await _member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        await (await _member1.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-2" })).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task APaperBallotIsClosedWithAHandCountThatSaysWhoCounted()
    {
        var meeting = await _app.BodyInSessionAsync("paper", "simple-majority", ThreePresent);
        var (ballot, opened) = await _app.OpenBallotAsync(meeting, new { kind = "Paper" });
        Assert.Equal("Paper", opened.GetProperty("kind").GetString());

        await (await _member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).ExpectProblem(HttpStatusCode.Conflict);
        await (await _chair.Post($"{ballot}/close")).ExpectProblem(HttpStatusCode.Conflict);
        await (await _member1.Post($"{ballot}/hand-count", new
        {
            @for = new { members = 2 }, abstain = new { members = 1 }, countedBy = new[] { "王秘书" },
        })).ExpectProblem(HttpStatusCode.Forbidden);
        var closed = await (await _chair.Post($"{ballot}/hand-count", new
        {
            @for = new { members = 2 }, against = new { members = 0 }, abstain = new { members = 1 }, countedBy = new[] { "王秘书", "孙网格员" },
        })).Expect(HttpStatusCode.OK);

        var result = closed.GetProperty("result");
        Assert.Equal(["王秘书", "孙网格员"], result.GetProperty("handCount").GetProperty("countedBy").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, result.GetProperty("forMembers").GetInt32());
        Assert.True(result.GetProperty("passes").GetBoolean());
        Assert.Equal(0, closed.GetProperty("votes").GetArrayLength());
    }

    [Fact]
    public async Task AnOwnersAssemblyCountsFloorAreaAndHeadsAtOnce()
    {
        // Floor areas from the body's roll: 120 + 60 + 60 m². Two owners of three carry the heads; their 120 m² of 240 is
        // exactly half the area, not more, so an ordinary matter fails (民法典 Art. 278: both majorities).
        var meeting = await _app.BodyInSessionAsync("owners", "owners-ordinary", [new("chair", 120), new("member1", 60), new("member3", 60)]);
        var (ballot, _) = await _app.OpenBallotAsync(meeting, new { });
        await (await _chair.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);
        await (await _member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        await (await _member3.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "x-1" })).Expect(HttpStatusCode.OK);

        var closed = await (await _chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        var result = closed.GetProperty("result");
        Assert.Equal(2, result.GetProperty("forMembers").GetInt32());
        Assert.Equal(120m, result.GetProperty("forWeight").GetDecimal());
        Assert.Equal(240m, result.GetProperty("electorateWeight").GetDecimal());
        Assert.True(result.GetProperty("quorum").GetBoolean());
        Assert.False(result.GetProperty("passes").GetBoolean());
    }

    [Fact]
    public async Task WhereProxiesDoNotCountTowardTheQuorumTheMeetingAndTheBallotSaySo()
    {
        // Five on the roll of a simple majority: chair and member1 there, member1 holding member2's proxy; member3, member4 absent.
        OnRoll[] roll = [new("chair", 1), new("member1", 1, "Proxy", "member2"), new("member2", 1, "Absent"), new("member3", 1, "Absent"), new("member4", 1, "Absent")];
        var meeting = await _app.BodyInSessionAsync("no-proxy-quorum", "simple-majority", roll, proxiesCountTowardQuorum: false);
        var view = await (await _chair.GetAsync(meeting)).Expect(HttpStatusCode.OK);
        var (ballot, _) = await _app.OpenBallotAsync(meeting, new { });
        var ids = await LoginIdsAsync(_app);
        await (await _chair.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);
        await (await _member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        await (await _member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-2", voterId = ids["member2"] })).Expect(HttpStatusCode.OK);

        var closed = await (await _chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        Assert.False(view.GetProperty("proxiesCountTowardQuorum").GetBoolean());
        Assert.False(view.GetProperty("quorum").GetBoolean());
        var result = closed.GetProperty("result");
        Assert.Equal(3, result.GetProperty("presentMembers").GetInt32());
        Assert.Equal(2, result.GetProperty("quorumPresentMembers").GetInt32());
        Assert.False(result.GetProperty("quorum").GetBoolean());
        var council = await (await _chair.GetAsync(CouncilAppSteps.Council)).Expect(HttpStatusCode.OK);
        Assert.False(council.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("id").GetString() == "no-proxy-quorum")
            .GetProperty("proxiesCountTowardQuorum").GetBoolean());
    }
}
