using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>
/// How changes reach screens: turnout at most once per window and only to the screens that show it, opening and closing
/// at once to all, nothing after closing; and
/// each push carries counts and results, not the lists that grow with the roll.
/// </summary>
public sealed class MeetingPushTests
{
    private readonly RecordingHub _hub = new();
    private readonly ManualTimers _timers = new();

    // Ballot pushes ask no grain; only a meeting push does, for what the public may see of the agenda (none here) and for
    // the live screens (failing here, which is logged and does not hold up the hub's push).
    private MeetingPush Push() => new(_hub, null!, _timers, NullLogger<MeetingPush>.Instance);

    [Fact]
    public async Task AThousandVotesInOneWindowBecomeThePushOfTheFirstAndOnePushOfTheLatestTurnout()
    {
        var push = Push();
        var pushes = Enumerable.Range(1, 1000).Select(n => push.BallotChangedAsync(Ballot("Open", n), BallotStatus.Open, @public: false)).ToList();

        _timers.FireAll();
        await Task.WhenAll(pushes).WaitAsync(TimeSpan.FromSeconds(10));

        // The first goes out at once, and to every insider (it is the first they hear of the ballot); the rest wait for
        // the window, and then each share of the screens that show the turnout gets the latest once.
        Assert.Equal((1, "meeting:lakeside:meeting-1:insiders"), (_hub.Sent[0].Ballot.VotesCast, _hub.Sent[0].Group));
        Assert.Equal(Enumerable.Range(0, MeetingGroups.TurnoutShards).Select(k => (1000, $"meeting:lakeside:meeting-1:insiders:turnout:{k}")),
            _hub.Sent.Skip(1).Select(s => (s.Ballot.VotesCast, s.Group)).Order());
    }

    [Fact]
    public async Task TheTurnoutGoesToTheScreensThatShowItAndTheOpeningAndClosingToEveryScreen()
    {
        var push = Push();

        await push.BallotChangedAsync(Ballot("Open", 0), BallotStatus.Open, @public: true);
        var turnout = push.BallotChangedAsync(Ballot("Open", 3), BallotStatus.Open, @public: true);
        _timers.FireAll();
        await turnout.WaitAsync(TimeSpan.FromSeconds(10));
        await push.BallotChangedAsync(Ballot("Closed", 4), BallotStatus.Closed, @public: true);

        Assert.Equal(("Open", "meeting:lakeside:meeting-1"), (_hub.Sent[0].Ballot.Status, _hub.Sent[0].Group));
        Assert.Equal(Enumerable.Range(0, MeetingGroups.TurnoutShards)
                .Select(k => $"meeting:lakeside:meeting-1:insiders:turnout:{k} + meeting:lakeside:meeting-1:outsiders:turnout:{k}"),
            _hub.Sent.Skip(1).SkipLast(1).Select(s => s.Group).Order());
        Assert.Equal(("Closed", "meeting:lakeside:meeting-1"), (_hub.Sent[^1].Ballot.Status, _hub.Sent[^1].Group));
    }

    [Fact]
    public async Task AfterTheOpeningTheSharesOfTheScreensTickAWindowsPartApart()
    {
        var push = Push();

        await push.BallotChangedAsync(Ballot("Open", 0), BallotStatus.Open, @public: true);
        var turnout = push.BallotChangedAsync(Ballot("Open", 1), BallotStatus.Open, @public: true);

        var part = MeetingPush.TurnoutWindow / MeetingGroups.TurnoutShards;
        Assert.Equal(MeetingGroups.TurnoutShards, _timers.DueTimes.Count);
        Assert.All(_timers.DueTimes.Select((due, k) => (due, k)), t => Assert.InRange(t.due, (t.k + 1) * part - TimeSpan.FromSeconds(0.1), (t.k + 1) * part));
        _timers.FireAll();
        await turnout.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task OpeningAndClosingGoOutAtOnceAndNothingFollowsTheClosing()
    {
        var push = Push();

        await push.BallotChangedAsync(Ballot("Open", 0), BallotStatus.Open, @public: false);
        var turnout = push.BallotChangedAsync(Ballot("Open", 7), BallotStatus.Open, @public: false);
        await push.BallotChangedAsync(Ballot("Closed", 9), BallotStatus.Closed, @public: true);
        _timers.FireAll();
        await turnout.WaitAsync(TimeSpan.FromSeconds(10));
        var late = push.BallotChangedAsync(Ballot("Open", 8), BallotStatus.Open, @public: false);
        _timers.FireAll();
        await late.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["Open", "Closed"], _hub.Sent.Select(s => s.Ballot.Status));
        Assert.False(_hub.Sent[^1].Group.EndsWith(":insiders"));
    }

    [Fact]
    public async Task AClosingPushCarriesTheResultAndHowManyNamedVotesButNotWhoCastThem()
    {
        var push = Push();
        var result = new BallotResultView(2, 2, 1, 1, 0, 0, 3, 3, 10, 10, Quorum: false, Passes: false);
        NamedVoteView[] votes = [new("u-1", "For", "u-1"), new("u-2", "For", "u-3"), new("u-3", "Against", "u-3")];
        var closed = Ballot("Closed", 3) with { Result = result, Votes = votes, NamedVotes = votes.Length };

        await push.BallotChangedAsync(closed, BallotStatus.Closed, @public: true);

        var sent = Assert.Single(_hub.Sent).Ballot;
        Assert.Empty(sent.Votes);
        Assert.Equal(3, sent.NamedVotes);
        Assert.Equal(result, sent.Result);
    }

    [Fact]
    public async Task AMeetingPushCarriesTheCountsAndTheAttendanceRecordedSinceTheLastPushNotTheRoll()
    {
        var push = Push();
        AttendanceView[] roll = [.. Enumerable.Range(1, 500).Select(n => new AttendanceView($"u-{n}", "Present", null))];
        var meeting = new MeetingView("meeting-1", "lakeside", "body", "会议", DateTimeOffset.UnixEpoch, "厅", "Open", [], null, roll,
            RollSize: 600, PresentMembers: 500, PresentWeight: 500, Quorum: true, Ballots: []);

        await push.MeetingChangedAsync(meeting, new HashSet<string> { "u-7", "u-499" });

        Assert.Equal(2, _hub.Meetings.Count);
        Assert.All(_hub.Meetings, m => Assert.Empty(m.Meeting.Attendance));
        var sent = Assert.Single(_hub.Meetings, m => m.Group.EndsWith(":insiders")).Meeting;
        Assert.Equal(["u-7", "u-499"], sent.AttendanceChanges!.Select(a => a.UserId));
        Assert.Equal((600, 500, (bool?)true), (sent.RollSize, sent.PresentMembers, sent.Quorum));
    }

    private static BallotView Ballot(string status, int votesCast) => new("ballot-1", "lakeside", "meeting-1", "item-1", "body",
        "simple-majority", "Named", status, 10, votesCast, [], null, [], null);

    /// <summary>Timers that fire only when the test says so.</summary>
    private sealed class ManualTimers : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> _due = [];

        /// <summary>When each timer was asked to fire, in the order they were made.</summary>
        public List<TimeSpan> DueTimes { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_due) _due.Add((callback, state));
            lock (_due) DueTimes.Add(dueTime);
            return new NoTimer();
        }

        public void FireAll()
        {
            List<(TimerCallback Callback, object? State)> due;
            lock (_due) { due = [.. _due]; _due.Clear(); }
            foreach (var (callback, state) in due) callback(state);
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    /// <summary>The hub context, recording what each group was sent.</summary>
    private sealed class RecordingHub : IHubContext<MeetingHub, IMeetingClient>
    {
        public List<(string Group, BallotView Ballot)> Sent { get; } = [];

        /// <summary>What each group was sent of the meeting.</summary>
        public List<(string Group, MeetingView Meeting)> Meetings { get; } = [];

        public IHubClients<IMeetingClient> Clients => new RecordingClients(this);

        public IGroupManager Groups => throw new NotSupportedException();
    }

    private sealed class RecordingClients(RecordingHub hub) : IHubClients<IMeetingClient>
    {
        public IMeetingClient Group(string groupName) => new Screen(hub, groupName);

        public IMeetingClient All => throw new NotSupportedException();
        public IMeetingClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public IMeetingClient Client(string connectionId) => throw new NotSupportedException();
        public IMeetingClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();
        public IMeetingClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public IMeetingClient Groups(IReadOnlyList<string> groupNames) => new Screen(hub, string.Join(" + ", groupNames));
        public IMeetingClient User(string userId) => throw new NotSupportedException();
        public IMeetingClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }

    private sealed class Screen(RecordingHub hub, string group) : IMeetingClient
    {
        public Task MeetingChanged(MeetingView meeting)
        {
            lock (hub.Meetings) hub.Meetings.Add((group, meeting));
            return Task.CompletedTask;
        }

        public Task BallotChanged(BallotView ballot)
        {
            lock (hub.Sent) hub.Sent.Add((group, ballot));
            return Task.CompletedTask;
        }
    }
}
