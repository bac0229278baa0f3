using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;

namespace Deliberation.Web.Meetings;

/// <summary>
/// What one ballot's screens have been sent from this node: the newest view seen, whether the opening and the closing
/// went out, and for each share of the screens that show the turnout (<see cref="MeetingGroups.TurnoutShards"/>) when it
/// last had a tick and of what. Sends happen one at a time (<see cref="Sending"/>); the rest is read and changed under
/// the object's lock, because votes report their turnout from many threads at once.
/// </summary>
internal sealed class BallotScreens
{
    public readonly SemaphoreSlim Sending = new(1, 1);

    private readonly DateTimeOffset[] _tickSent = new DateTimeOffset[MeetingGroups.TurnoutShards];
    private readonly int[] _tickVotes = new int[MeetingGroups.TurnoutShards];
    private readonly bool[] _tickScheduled = new bool[MeetingGroups.TurnoutShards];
    private (BallotView View, BallotStatus Status, bool Public)? _newest;
    private bool _sentOpening, _sentClosing;

    public bool SentOpening { get { lock (this) return _sentOpening; } }

    public bool SentClosing { get { lock (this) return _sentClosing; } }

    /// <summary>The newest view seen; there is one once <see cref="Saw"/> was called.</summary>
    public (BallotView View, BallotStatus Status, bool Public) Newest { get { lock (this) return _newest!.Value; } }

    /// <summary>Keeps the view if it is newer than the one held: nothing after a closing, and turnout only grows.</summary>
    public void Saw(BallotView view, BallotStatus status, bool @public)
    {
        lock (this)
            if (_newest is not { } held || (held.Status != BallotStatus.Closed && (status == BallotStatus.Closed || view.VotesCast >= held.View.VotesCast)))
                _newest = (view, status, @public);
    }

    /// <summary>
    /// The opening or the closing (the newest view) is going out to every screen. After the opening the shares' first
    /// ticks fall a window's part apart: share k may tick (k + 1) parts of a window after it.
    /// </summary>
    public void Sent(BallotStatus status, DateTimeOffset now, TimeSpan window)
    {
        lock (this)
        {
            if (status == BallotStatus.Closed) _sentClosing = true;
            if (_sentOpening) return;
            _sentOpening = true;
            for (var shard = 0; shard < _tickSent.Length; shard++)
                (_tickSent[shard], _tickVotes[shard]) = (now + (shard + 1) * window / _tickSent.Length - window, _newest!.Value.View.VotesCast);
        }
    }

    /// <summary>How long until the share may tick, or null when a tick is already on its way (it will send the newest) or the ballot closed.</summary>
    public TimeSpan? TickDueIn(int shard, DateTimeOffset now, TimeSpan window)
    {
        lock (this)
        {
            if (_sentClosing || _tickScheduled[shard]) return null;
            _tickScheduled[shard] = true;
            return _tickSent[shard] + window - now;
        }
    }

    /// <summary>The view the share's tick sends (the newest, if its turnout moved since the share's last tick), or null.</summary>
    public (BallotView View, bool Public)? TickView(int shard, DateTimeOffset now)
    {
        lock (this)
        {
            _tickScheduled[shard] = false;
            if (_sentClosing || _newest is not { Status: BallotStatus.Open } newest || newest.View.VotesCast <= _tickVotes[shard]) return null;
            (_tickSent[shard], _tickVotes[shard]) = (now, newest.View.VotesCast);
            return (newest.View, newest.Public);
        }
    }
}
