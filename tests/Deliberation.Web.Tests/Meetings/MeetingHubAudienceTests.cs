using System.Collections.Concurrent;
using System.Net;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>
/// What each screen gets over the hub, so that a hall of thousands of phones costs what it must: a join answers the
/// counts and the roll only to who asks for it; an open ballot's turnout goes to the screens that show it, not to the
/// members' phones, which get the opening, their receipt and the closing.
/// </summary>
public sealed class MeetingHubAudienceTests : IAsyncLifetime
{
    private readonly CouncilApp _app = new();
    private readonly List<HubConnection> _screens = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var screen in _screens) await screen.DisposeAsync();
        _app.Dispose();
    }

    private async Task<HubConnection> JoinedAsync(string? login, string meetingId)
    {
        var screen = await _app.MeetingHubAsync(login);
        _screens.Add(screen);
        await screen.InvokeAsync<MeetingLive>("Join", "lakeside", meetingId);
        return screen;
    }

    [Fact]
    public async Task AJoinAnswersTheCountsAndTheRollIsAskedForSeparately()
    {
        var (meeting, _) = await _app.PartyMeetingVotingAsync();
        var meetingId = meeting.Split('/')[^1];
        var hall = await _app.MeetingHubAsync(login: null);
        _screens.Add(hall);

        var joined = await hall.InvokeAsync<MeetingLive>("Join", "lakeside", meetingId);
        var attendance = await hall.InvokeAsync<List<AttendanceView>>("GetAttendance", "lakeside", meetingId);

        Assert.Empty(joined.Meeting.Attendance);
        Assert.Equal(3, joined.Meeting.PresentMembers);
        Assert.Equal(["Absent", "Present", "Proxy"], attendance.Select(a => a.Attendance).Order());
        Assert.Equal(attendance.Single(a => a.Attendance == "Absent").UserId, attendance.Single(a => a.Attendance == "Proxy").ProxyFor);
    }

    [Fact]
    public async Task ABallotsOpeningReachesThePhoneAndNoMeetingPushFollowsIt()
    {
        var (meeting, ballot) = await _app.PartyMeetingVotingAsync();
        var meetingId = meeting.Split('/')[^1];
        var ids = await _app.UserIdsAsync();
        var (zhang, liu) = (ids["张代表 Rep. Zhang"], ids["刘代表 Rep. Liu"]);
        var chair = await _app.SignedInAs("chair");
        await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        var phone = await JoinedAsync("member1", meetingId);
        // The meeting's pushes so far are out once this one is: none is waiting to go with the opening.
        var settled = phone.Next<MeetingView>("MeetingChanged", m => m.AttendanceChanges?.Any(a => a.UserId == zhang) == true);
        await (await chair.Post($"{meeting}/attendance", new { userId = zhang, attendance = "Present" })).Expect(HttpStatusCode.OK);
        await settled;
        var pushes = new ConcurrentQueue<object>();
        phone.On<BallotView>("BallotChanged", pushes.Enqueue);
        phone.On<MeetingView>("MeetingChanged", pushes.Enqueue);
        var opened = phone.Next<BallotView>("BallotChanged", b => b.Status == "Open");
        var rollCall = phone.Next<MeetingView>("MeetingChanged", m => m.AttendanceChanges?.Any(a => a.UserId == liu) == true);

        // Past the meeting's push window, so that a push following the opening would go at once.
        _app.Clock.Advance(MeetingPush.ChangeWindow);
        var reopened = await (await chair.Post($"{meeting}/ballots")).Expect(HttpStatusCode.Created);
        await opened;
        // A vote and a read of the roll in between: a meeting push following the opening would be on its way by then.
        await phone.InvokeAsync<VoteReceipt>("CastVote", "lakeside", reopened.GetProperty("id").GetString(), new CastVote(VoteChoice.For, "phone-1", null));
        await phone.InvokeAsync<List<AttendanceView>>("GetAttendance", "lakeside", meetingId);
        await (await chair.Post($"{meeting}/attendance", new { userId = liu, attendance = "Present" })).Expect(HttpStatusCode.OK);
        await rollCall;

        // The only meeting push since the opening was asked for is the roll call's.
        Assert.Contains(pushes, p => p is BallotView { Status: "Open" });
        Assert.All(pushes.OfType<MeetingView>(), m => Assert.Contains(m.AttendanceChanges!, a => a.UserId == liu));
    }

    [Fact]
    public async Task AMembersPhoneGetsTheClosingButNotTheTurnoutWhichTheClerksConsoleGets()
    {
        var (meeting, ballot) = await _app.PartyMeetingVotingAsync();
        var (meetingId, ballotId) = (meeting.Split('/')[^1], ballot.Split('/')[^1]);
        var console = await JoinedAsync("clerk", meetingId);
        var phone = await JoinedAsync("member1", meetingId);
        var onPhone = new ConcurrentQueue<BallotView>();
        phone.On<BallotView>("BallotChanged", onPhone.Enqueue);
        var tick = console.Next<BallotView>("BallotChanged", b => b is { Status: "Open", VotesCast: 1 });
        var closedOnPhone = phone.Next<BallotView>("BallotChanged", b => b.Status == "Closed");

        var receipt = await phone.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "phone-1", null));
        await tick;
        await (await (await _app.SignedInAs("chair")).Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        await closedOnPhone;

        // Pushes reach a connection in the order they were sent: a tick sent to the phone would have come before the
        // closing. (The phone may have joined in time for the ballot's opening, which every screen gets.)
        Assert.Equal(1, receipt.VotesCast);
        Assert.DoesNotContain(onPhone, b => b is { Status: "Open", VotesCast: > 0 });
        Assert.Equal("Closed", onPhone.Last().Status);
    }
}
