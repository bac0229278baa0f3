using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// A ballot in a live meeting of the party members' meeting (chair, member1, member2 on its roll): member1 stands in for
/// the absent member2; member3 belongs to other bodies.
/// </summary>
public sealed class BallotTests : IAsyncLifetime
{
    private const string Council = CouncilAppSteps.Council;
    private readonly CouncilApp _app = new();
    private HttpClient _clerk = null!, _chair = null!, _member1 = null!;
    private Dictionary<string, string> _ids = null!;
    private string _ballot = "", _meetingPath = "";

    public async Task InitializeAsync()
    {
        _clerk = await _app.SignedInAs("clerk");
        _chair = await _app.SignedInAs("chair");
        _member1 = await _app.SignedInAs("member1");
        var ids = await _app.UserIdsAsync();
        _ids = new() { ["member2"] = ids["刘代表 Rep. Liu"], ["member3"] = ids["陈代表 Rep. Chen"] };
        (_meetingPath, _ballot) = await _app.PartyMeetingVotingAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MembersVoteTheChairClosesAndTheCountDecidesTheItemsStep()
    {
        await (await _chair.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);
        await (await _member1.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        await (await _member1.Post($"{_ballot}/votes", new { choice = "Against", clientVoteId = "m-2", voterId = _ids["member2"] })).Expect(HttpStatusCode.OK);

        var closed = await (await _chair.Post($"{_ballot}/close")).Expect(HttpStatusCode.OK);

        var result = closed.GetProperty("result");
        Assert.Equal(2, result.GetProperty("forMembers").GetInt32());
        Assert.Equal(1, result.GetProperty("againstMembers").GetInt32());
        Assert.True(result.GetProperty("passes").GetBoolean());
        Assert.True(closed.GetProperty("recordedOnItem").GetBoolean());
        Assert.Equal(3, closed.GetProperty("votes").GetArrayLength());
        var item = await (await _clerk.GetAsync($"{Council}/items/item-demo-parking")).Expect(HttpStatusCode.OK);
        Assert.Equal("resolution", item.GetProperty("currentStep").GetProperty("id").GetString());
    }

    [Fact]
    public async Task AMemberOfAnotherBodyCannotVoteAndNothingIsRecorded()
    {
        var member3 = await _app.SignedInAs("member3");

        await (await member3.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "x-1" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await _app.SignedInAs("resident")).Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "x-2" }))
            .ExpectProblem(HttpStatusCode.Forbidden);

        var view = await (await _clerk.GetAsync(_ballot)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, view.GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task RejectsSecondVoteFromSameMemberButAcknowledgesAResend()
    {
        await (await _member1.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);

        var resend = await (await _member1.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        await (await _member1.Post($"{_ballot}/votes", new { choice = "Against", clientVoteId = "m-9" })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.False(resend.GetProperty("recorded").GetBoolean());
        var view = await (await _clerk.GetAsync(_ballot)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, view.GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task ConcurrentVotesAreAllCountedOnce()
    {
        var calls = new[]
        {
            _chair.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "c-1" }),
            _member1.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "m-1" }),
            _member1.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "m-1" }),
            _member1.Post($"{_ballot}/votes", new { choice = "Abstain", clientVoteId = "m-2", voterId = _ids["member2"] }),
        };

        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var view = await (await _clerk.GetAsync(_ballot)).Expect(HttpStatusCode.OK);
        Assert.Equal(3, view.GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task BadVotesGetAProblemAnswer()
    {
        await (await _member1.Post($"{_ballot}/votes", new { choice = "Maybe", clientVoteId = "m-1" })).ExpectProblem(HttpStatusCode.BadRequest);
        await (await _member1.Post($"{_ballot}/votes", new { choice = "For" })).ExpectProblem(HttpStatusCode.BadRequest);
        await (await _member1.Post($"{Council}/ballots/ballot-nothing-here/votes", new { choice = "For", clientVoteId = "m-1" }))
            .ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheVotesStayHiddenUntilCloseAndTheUndisclosedBallotFromThePublic()
    {
        await (await _member1.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);

        var open = await (await _clerk.GetAsync(_ballot)).Expect(HttpStatusCode.OK);

        Assert.Equal(0, open.GetProperty("votes").GetArrayLength());
        Assert.Equal(JsonValueKindNull, open.GetProperty("result").ValueKind);
        await (await _app.Visitor().GetAsync(_ballot)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OneBallotAtATimeAndTheMeetingListsItsBallots()
    {
        var view = await (await _clerk.GetAsync(_meetingPath)).Expect(HttpStatusCode.OK);

        await (await _chair.Post($"{_meetingPath}/ballots")).ExpectProblem(HttpStatusCode.Conflict);
        await (await _chair.Post($"{_ballot}/close")).Expect(HttpStatusCode.OK);
        await (await _chair.Post($"{_meetingPath}/ballots")).Expect(HttpStatusCode.Created);

        Assert.Equal(_ballot.Split('/')[^1], Assert.Single(view.GetProperty("ballots").EnumerateArray()).GetString());
        var after = await (await _clerk.GetAsync(_meetingPath)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, after.GetProperty("ballots").GetArrayLength());
    }

    [Fact]
    public async Task NoVotesAfterClose()
    {
        await (await _chair.Post($"{_ballot}/close")).Expect(HttpStatusCode.OK);

        await (await _member1.Post($"{_ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).ExpectProblem(HttpStatusCode.Conflict);
        await (await _chair.Post($"{_ballot}/close")).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnotherBodysBallotOnTheItemIsCountedButNotRecordedAsTheItemsDecision()
    {
        // The demo's villager representatives' meeting has the parking item on its agenda; the item awaits the party members.
        const string meeting = Council + "/meetings/meeting-demo-next";
        var member3 = _ids["member3"];
        await (await _chair.Post($"{meeting}/open")).Expect(HttpStatusCode.OK);
        await (await _chair.Post($"{meeting}/attendance", new { userId = member3, attendance = "Present" })).Expect(HttpStatusCode.OK);
        await (await _chair.Post($"{meeting}/take-up", new { itemId = "item-demo-parking" })).Expect(HttpStatusCode.OK);
        var opened = await (await _chair.Post($"{meeting}/ballots")).Expect(HttpStatusCode.Created);
        var ballot = $"{Council}/ballots/{opened.GetProperty("id").GetString()}";
        await (await (await _app.SignedInAs("member3")).Post($"{ballot}/votes", new { choice = "For", clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);

        var closed = await (await _chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        Assert.Equal(1, closed.GetProperty("result").GetProperty("forMembers").GetInt32());
        Assert.False(closed.GetProperty("recordedOnItem").GetBoolean());
        var item = await (await _clerk.GetAsync($"{Council}/items/item-demo-parking")).Expect(HttpStatusCode.OK);
        Assert.Equal("deliberation", item.GetProperty("currentStep").GetProperty("id").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
