using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>How ballot changes reach screens: turnout at most once per window, opening and closing at once, nothing after closing.</summary>
public sealed class MeetingPushTests
{
    private readonly RecordingHub _hub = new();
    private readonly ManualTimers _timers = new();

    // Ballot pushes ask no grain; only a meeting push does, for what the public may see of the agenda.
    private MeetingPush Push() => new(_hub, null!, _timers, NullLogger<MeetingPush>.Instance);

    [Fact]
    public async Task AThousandVotesInOneWindowBecomeOnePushOfTheLatestTurnout()
    {
        var push = Push();
        var pushes = Enumerable.Range(1, 1000).Select(n => push.BallotChangedAsync(Ballot("Open", n), BallotStatus.Open, @public: false)).ToList();

        _timers.FireAll();
        await Task.WhenAll(pushes).WaitAsync(TimeSpan.FromSeconds(10));

        var sent = Assert.Single(_hub.Sent);
        Assert.Equal(1000, sent.Ballot.VotesCast);
        Assert.EndsWith(":insiders", sent.Group);
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

    private static BallotView Ballot(string status, int votesCast) => new("ballot-1", "lakeside", "meeting-1", "item-1", "body",
        "simple-majority", "Named", status, 10, votesCast, [], null, [], null);

    /// <summary>Timers that fire only when the test says so.</summary>
    private sealed class ManualTimers : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> _due = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_due) _due.Add((callback, state));
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
        public IMeetingClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();
        public IMeetingClient User(string userId) => throw new NotSupportedException();
        public IMeetingClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }

    private sealed class Screen(RecordingHub hub, string group) : IMeetingClient
    {
        public Task MeetingChanged(MeetingView meeting) => Task.CompletedTask;

        public Task BallotChanged(BallotView ballot)
        {
            lock (hub.Sent) hub.Sent.Add((group, ballot));
            return Task.CompletedTask;
        }
    }
}
