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
/// While a ballot is open its turnout changes with every vote; screens get at most one update per
/// <see cref="TurnoutWindow"/> per ballot (the latest), so a thousand votes a second do not become a thousand pushes
/// to every phone. Opening and closing go out at once, and nothing older is sent after the closing. The meeting's own
/// changes are coalesced before they get here, by the meeting grain's <see cref="MeetingChangeWindow"/>, which builds the
/// view only when it sends it.
/// Hub clients get it through SignalR (the backplane crosses nodes); live screens (circuits) through
/// <see cref="MeetingScreensGrain"/>, which reaches every node that shows the meeting.
/// </summary>
public sealed class MeetingPush(IHubContext<MeetingHub, IMeetingClient> hub, IGrainFactory grains, TimeProvider clock, ILogger<MeetingPush> logger)
{
    public static readonly TimeSpan TurnoutWindow = TimeSpan.FromMilliseconds(100);

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
        lock (screens)
        {
            if (screens.Latest is null || Newer(ballot, status, screens.Latest, screens.LatestStatus))
                (screens.Latest, screens.LatestStatus, screens.Public) = (ballot, status, @public);
            if (turnout)
            {
                if (screens.TurnoutScheduled) return;
                screens.TurnoutScheduled = true;
            }
        }
        if (turnout)
        {
            await Task.Delay(TurnoutWindow, clock);
            lock (screens) screens.TurnoutScheduled = false;
        }
        await SendLatestAsync(screens);
    }

    /// <summary>One send at a time per ballot, always of the newest view, and none after the closing.</summary>
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
            var group = toPublic ? MeetingGroups.Everyone(view.CouncilId, view.MeetingId) : MeetingGroups.Insiders(view.CouncilId, view.MeetingId);
            await hub.Clients.Group(group).BallotChanged(view);
            screens.SentClosing = status == BallotStatus.Closed;
            await ScreensAsync(view.CouncilId, view.MeetingId, g => g.BallotChanged(view, toPublic));
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
        public bool SentClosing;
    }
}
