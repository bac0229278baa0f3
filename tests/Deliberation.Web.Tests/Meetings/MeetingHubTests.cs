using System.Net;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>The live meeting over SignalR: screens join, members vote, every screen gets the pushes it may see.</summary>
public sealed class MeetingHubTests : IAsyncLifetime
{
    private const string Council = CouncilAppSteps.Council;
    private readonly CouncilApp _app = new();
    private readonly List<HubConnection> _screens = [];
    private HttpClient _clerk = null!, _chair = null!;

    public async Task InitializeAsync()
    {
        _clerk = await _app.SignedInAs("clerk");
        _chair = await _app.SignedInAs("chair");
    }

    public async Task DisposeAsync()
    {
        foreach (var screen in _screens) await screen.DisposeAsync();
        _app.Dispose();
    }

    private async Task<HubConnection> ScreenAsync(string? login)
    {
        var screen = await _app.MeetingHubAsync(login);
        _screens.Add(screen);
        return screen;
    }

    /// <summary>
    /// The party members' meeting voting on its ballot, watched by the clerk's console and a signed-out hall display
    /// (both joined to the meeting); and member1's screen, which has not joined.
    /// </summary>
    private async Task<(string Meeting, string Ballot, HubConnection Console, HubConnection Hall, HubConnection Member)> VotingWatchedAsync()
    {
        var (meeting, ballot) = await _app.PartyMeetingVotingAsync();
        var meetingId = meeting.Split('/')[^1];
        var console = await ScreenAsync("clerk");
        var hall = await ScreenAsync(login: null);
        await console.InvokeAsync<MeetingLive>("Join", "lakeside", meetingId);
        await hall.InvokeAsync<MeetingLive>("Join", "lakeside", meetingId);
        return (meeting, ballot, console, hall, await ScreenAsync("member1"));
    }

    [Fact]
    public async Task AMemberVotesOverTheHubAndTheCouncilsScreensGetTheTally()
    {
        var (meeting, ballot, console, hall, member) = await VotingWatchedAsync();
        var (meetingId, ballotId) = (meeting.Split('/')[^1], ballot.Split('/')[^1]);
        await member.InvokeAsync<MeetingLive>("Join", "lakeside", meetingId);
        var mine = await member.InvokeAsync<BallotView>("GetBallot", "lakeside", ballotId);
        Assert.Equal(2, mine.YouMayCastFor.Count);

        var tally = console.Next<BallotView>("BallotChanged", b => b.VotesCast == 1);
        var receipt = await member.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "phone-1", null));

        Assert.True(receipt.Recorded);
        Assert.Equal(1, (await tally).VotesCast);
        Assert.Empty((await tally).Votes);
        // The item is not disclosed while it is voted on: the public hall display sees the meeting, not the ballot.
        Assert.Empty((await hall.InvokeAsync<MeetingLive>("Join", "lakeside", meetingId)).Ballots);
        var closedOnConsole = console.Next<BallotView>("BallotChanged", b => b.Status == "Closed");
        var closedInHall = hall.Next<BallotView>("BallotChanged", b => b.Status == "Closed");
        await (await _chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, (await closedOnConsole).Result!.ForMembers);
        // One vote of three does not carry the party members' meeting: the item closes as rejected, which is disclosed at once.
        Assert.False((await closedInHall).Result!.Passes);
        var meetingClosed = hall.Next<MeetingView>("MeetingChanged", m => m.Status == "Closed");
        await (await _chair.Post($"{meeting}/close")).Expect(HttpStatusCode.OK);
        Assert.Equal("Closed", (await meetingClosed).Status);
    }

    [Fact]
    public async Task TheClosingPushOfANamedBallotCarriesTheResultAndTheCouncilAsksWhoVotedWhat()
    {
        var (meeting, ballot, console, hall, member) = await VotingWatchedAsync();
        var (meetingId, ballotId) = (meeting.Split('/')[^1], ballot.Split('/')[^1]);
        var mine = await member.InvokeAsync<BallotView>("GetBallot", "lakeside", ballotId);
        // For themselves and against for the member they stand in for: the item is rejected, which discloses it at once.
        var own = (await member.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "phone-1", null))).VoterId;
        var proxied = mine.YouMayCastFor.Single(v => v != own);
        await member.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.Against, "phone-2", proxied));
        // While its item is undisclosed, the public may not ask for the ballot either.
        var undisclosed = await Assert.ThrowsAsync<HubException>(() => hall.InvokeAsync<BallotView>("GetBallot", "lakeside", ballotId));
        var closedOnConsole = console.Next<BallotView>("BallotChanged", b => b.Status == "Closed");
        var closedInHall = hall.Next<BallotView>("BallotChanged", b => b.Status == "Closed");

        await (await _chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        Assert.Contains("not been disclosed", undisclosed.Message);
        foreach (var pushed in new[] { await closedOnConsole, await closedInHall })
        {
            Assert.Empty(pushed.Votes);
            Assert.Equal(2, pushed.NamedVotes);
            Assert.Equal((1, 1, false), (pushed.Result!.ForMembers, pushed.Result.AgainstMembers, pushed.Result.Passes));
        }
        var asked = await console.InvokeAsync<BallotView>("GetBallot", "lakeside", ballotId);
        Assert.Equal(new[] { (own, "For"), (proxied, "Against") }, asked.Votes.Select(v => (v.VoterId, v.Choice)).OrderBy(v => v.VoterId == proxied));
        // Representatives vote in public: once the item is disclosed, anyone may ask too.
        Assert.Equal(2, (await hall.InvokeAsync<BallotView>("GetBallot", "lakeside", ballotId)).Votes.Count);
    }

    [Fact]
    public async Task AResendOverTheHubIsAcknowledgedAndCountedOnce()
    {
        var ballotId = (await _app.PartyMeetingVotingAsync()).Ballot.Split('/')[^1];
        var member = await ScreenAsync("member1");

        var first = await member.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.Against, "phone-1", null));
        var again = await member.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.Against, "phone-1", null));

        Assert.True(first.Recorded);
        Assert.False(again.Recorded);
        Assert.Equal(1, again.VotesCast);
    }

    [Fact]
    public async Task AMemberOfAnotherBodyAndASignedOutScreenCannotVote()
    {
        var ballotId = (await _app.PartyMeetingVotingAsync()).Ballot.Split('/')[^1];
        var outsider = await ScreenAsync("member3");
        var anonymous = await ScreenAsync(login: null);

        var refused = await Assert.ThrowsAsync<HubException>(() =>
            outsider.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "x-1", null)));
        var signedOut = await Assert.ThrowsAsync<HubException>(() =>
            anonymous.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "x-2", null)));

        Assert.Contains("Only a member of this body", refused.Message);
        Assert.Contains("Access refused", signedOut.Message);
        var view = await (await _clerk.GetAsync($"{Council}/ballots/{ballotId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, view.GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task AMemberMarkedAbsentIsToldWhyTheirVoteIsRefused()
    {
        var (_, ballot) = await _app.PartyMeetingVotingAsync();
        var absent = await ScreenAsync("member2");

        var refused = await Assert.ThrowsAsync<HubException>(() =>
            absent.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballot.Split('/')[^1], new CastVote(VoteChoice.For, "absent-1", null)));

        Assert.Contains("present at the meeting", refused.Message);
    }

    [Fact]
    public async Task JoiningAMeetingThatDoesNotExistSaysSo()
    {
        var screen = await ScreenAsync(login: null);

        var refused = await Assert.ThrowsAsync<HubException>(() => screen.InvokeAsync<MeetingLive>("Join", "lakeside", "meeting-nothing-here"));

        Assert.Contains("no such meeting", refused.Message);
    }
}
