using System.Collections.Concurrent;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Microsoft.AspNetCore.SignalR;
using Orleans;

namespace Deliberation.Web.Meetings;

/// <summary>
/// Pushes a change to the meeting's screens once it is durable. A push carries what every screen shows: the meeting's
/// counts and state, a ballot's turnout and result; never a list that grows with the roll (every member's attendance,
/// who voted what), which would go to every screen of the hall with every push. The attendance recorded since the
/// previous push comes along; the few screens that list members (the chair's console) read the lists when they need them.
/// A push that fails is logged and dropped: the change is in the log, and a screen that missed it gets the whole state
/// again when it rejoins.
/// While a ballot is open its turnout changes with every vote; the screens that show it get at most one update per
/// <see cref="TurnoutWindow"/> per ballot (the latest), so a thousand votes a second do not become a thousand pushes
/// to every screen, and members' phones, most of a hall's connections, get none (each vote's receipt carries the
/// turnout): measured at 5,000 phones and 1,000 other screens, a tick to all 6,000 held the votes up by a tenth of a
/// second, a tick to the 1,000 did not (docs/performance.md). Opening and closing go out at once to every screen, and
/// nothing older is sent after the closing. The meeting's own
/// changes are coalesced before they get here, by the meeting grain's <see cref="MeetingChangeWindow"/>, which builds the
/// view only when it sends it.
/// Hub clients get it through SignalR (the backplane crosses nodes); live screens (circuits) through
/// <see cref="MeetingScreensGrain"/>, which reaches every node that shows the meeting.
/// </summary>
public sealed class MeetingPush(IHubContext<MeetingHub, IMeetingClient> hub, IGrainFactory grains, TimeProvider clock, ILogger<MeetingPush> logger)
{
    public static readonly TimeSpan TurnoutWindow = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A meeting's own changes (attendance above all) reach its screens at most once per window (see
    /// <see cref="MeetingChangeWindow"/>). Longer than the turnout's: building the meeting's view reads the roll and
    /// counts every member's attendance, and the console reads the whole list again after each push.
    /// </summary>
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, BallotScreens> _ballots = new(StringComparer.Ordinal);

    /// <summary>The meeting as a push carries it: the counts, and of the attendance only the entries of <paramref name="changed"/>.</summary>
    public static MeetingView Pushed(MeetingView meeting, IReadOnlySet<string> changed) => meeting with
    {
        Attendance = [],
        AttendanceChanges = changed.Count == 0 ? [] : meeting.Attendance.Where(a => changed.Contains(a.UserId)).ToList(),
    };

    /// <summary>A ballot as a push carries it: the turnout and the result, and how many named votes there are, not who cast them.</summary>
    public static BallotView Pushed(BallotView ballot) => ballot.Votes.Count == 0 ? ballot : ballot with { Votes = [] };

    /// <param name="meeting">The meeting as insiders read it, with its whole attendance.</param>
    /// <param name="attendanceChanged">The members whose attendance was recorded since the previous push.</param>
    public async Task MeetingChangedAsync(MeetingView meeting, IReadOnlySet<string> attendanceChanged)
    {
        meeting = Pushed(meeting, attendanceChanged);
        try
        {
            await hub.Clients.Group(MeetingGroups.Insiders(meeting.CouncilId, meeting.Id)).MeetingChanged(meeting);
            await hub.Clients.Group(MeetingGroups.Outsiders(meeting.CouncilId, meeting.Id))
                .MeetingChanged(await MeetingDisclosure.ForPublicAsync(meeting, grains));
        }
        catch (Exception e) { logger.LogWarning(e, "Could not push meeting {MeetingId}", meeting.Id); }
        await ScreensAsync(meeting.CouncilId, meeting.Id, g => g.MeetingChanged(meeting));
    }

    /// <summary>The same push to the live screens (circuits) on every node; a failure there does not hold up the hub's.</summary>
    private async Task ScreensAsync(string councilId, string meetingId, Func<IMeetingScreensGrain, Task> push)
    {
        try { await push(grains.GetGrain<IMeetingScreensGrain>(MeetingScreensGrain.KeyOf(councilId, meetingId))); }
        catch (Exception e) { logger.LogWarning(e, "Could not push meeting {MeetingId} to its live screens", meetingId); }
    }

    /// <param name="ballot">The ballot as nobody in particular sees it (no vote buttons).</param>
    /// <param name="status">The ballot's status, as the domain has it.</param>
    /// <param name="public">Whether its item is disclosed, so that the public may see it too.</param>
    public async Task BallotChangedAsync(BallotView ballot, BallotStatus status, bool @public)
    {
        ballot = Pushed(ballot);
        // Kept per ballot for the life of the process (a few per meeting), so that nothing is sent after a closing.
        var screens = _ballots.GetOrAdd(ballot.Id, _ => new BallotScreens());
        var turnout = status == BallotStatus.Open && ballot.VotesCast > 0;
        TimeSpan wait;
        lock (screens)
        {
            if (screens.Latest is null || Newer(ballot, status, screens.Latest, screens.LatestStatus))
                (screens.Latest, screens.LatestStatus, screens.Public) = (ballot, status, @public);
            if (!turnout) wait = TimeSpan.Zero;
            else if (screens.TurnoutScheduled) return;
            else
            {
                // The first vote after a quiet spell shows at once (a small hall sees each vote); within a window of
                // the last push the newest turnout waits for the window's end, so a storm is one tick per window.
                wait = screens.LastSent + TurnoutWindow - clock.GetUtcNow();
                screens.TurnoutScheduled = wait > TimeSpan.Zero;
            }
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock);
            lock (screens) screens.TurnoutScheduled = false;
        }
        await SendLatestAsync(screens);
    }

    /// <summary>
    /// One send at a time per ballot, always of the newest view, and none after the closing. The opening and the closing
    /// go to every screen allowed to see the ballot; the turnout in between only to the screens that show it
    /// (<see cref="MeetingGroups.ShowsTurnout"/>), once the opening has gone out to all.
    /// </summary>
    private async Task SendLatestAsync(BallotScreens screens)
    {
        await screens.Sending.WaitAsync();
        try
        {
            BallotView? view;
            BallotStatus status;
            bool toPublic;
            lock (screens) (view, status, toPublic, screens.Latest) = (screens.Latest, screens.LatestStatus, screens.Public, null);
            if (view is null || screens.SentClosing) return;
            var (council, meeting) = (view.CouncilId, view.MeetingId);
            var tick = status == BallotStatus.Open && screens.SentOpening;
            IReadOnlyList<string> groups = (tick, toPublic) switch
            {
                (false, true) => [MeetingGroups.Everyone(council, meeting)],
                (false, false) => [MeetingGroups.Insiders(council, meeting)],
                (true, true) => [MeetingGroups.InsidersShowingTurnout(council, meeting), MeetingGroups.OutsidersShowingTurnout(council, meeting)],
                (true, false) => [MeetingGroups.InsidersShowingTurnout(council, meeting)],
            };
            screens.LastSent = clock.GetUtcNow();
            await hub.Clients.Groups(groups).BallotChanged(view);
            screens.SentOpening |= status == BallotStatus.Open;
            screens.SentClosing = status == BallotStatus.Closed;
            await ScreensAsync(council, meeting, g => g.BallotChanged(view, toPublic));
        }
        catch (Exception e) { logger.LogWarning(e, "Could not push a ballot"); }
        finally { screens.Sending.Release(); }
    }

    private static bool Newer(BallotView candidate, BallotStatus candidateStatus, BallotView than, BallotStatus thanStatus) =>
        thanStatus != BallotStatus.Closed && (candidateStatus == BallotStatus.Closed || candidate.VotesCast >= than.VotesCast);

    private sealed class BallotScreens
    {
        public readonly SemaphoreSlim Sending = new(1, 1);
        public BallotView? Latest;
        public BallotStatus LatestStatus;
        public bool Public;
        public bool TurnoutScheduled;
        public DateTimeOffset LastSent = DateTimeOffset.MinValue;
        public bool SentOpening;
        public bool SentClosing;
    }
}
