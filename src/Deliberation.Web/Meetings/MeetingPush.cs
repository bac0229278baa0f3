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
        // Kept per ballot for the life of the process (a few per meeting), so that nothing is sent after a closing.
        var screens = _ballots.GetOrAdd(ballot.Id, _ => new BallotScreens());
        screens.Saw(Pushed(ballot), status, @public);
        if (await SendToAllAsync(screens)) return;
        await Task.WhenAll(Enumerable.Range(0, MeetingGroups.TurnoutShards).Select(shard => TickAsync(screens, shard)));
    }

    /// <summary>
    /// The opening and the closing, at once, to every screen allowed to see the ballot; false when the ballot is open and
    /// its opening has gone out, so that what changed is its turnout.
    /// </summary>
    private async Task<bool> SendToAllAsync(BallotScreens screens)
    {
        await screens.Sending.WaitAsync();
        try
        {
            var (view, status, toPublic) = screens.Newest;
            if (screens.SentClosing) return true;
            if (status == BallotStatus.Open && screens.SentOpening) return false;
            var group = toPublic ? MeetingGroups.Everyone(view.CouncilId, view.MeetingId) : MeetingGroups.Insiders(view.CouncilId, view.MeetingId);
            screens.Sent(status, clock.GetUtcNow(), TurnoutWindow);
            await hub.Clients.Group(group).BallotChanged(view);
            await ScreensAsync(view.CouncilId, view.MeetingId, g => g.BallotChanged(view, toPublic));
        }
        catch (Exception e) { logger.LogWarning(e, "Could not push a ballot"); }
        finally { screens.Sending.Release(); }
        return true;
    }

    /// <summary>
    /// The newest turnout to one share of the screens that show it, at most once per window. The shares tick in turn,
    /// a window's part apart, so a tick to thousands of screens never takes the machine at once: a vote arriving
    /// meanwhile waits for a share's sends, not the hall's. Circuits get it with the first share.
    /// </summary>
    private async Task TickAsync(BallotScreens screens, int shard)
    {
        if (screens.TickDueIn(shard, clock.GetUtcNow(), TurnoutWindow) is not { } wait) return;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
        await screens.Sending.WaitAsync();
        try
        {
            if (screens.TickView(shard, clock.GetUtcNow()) is not { } tick) return;
            var (view, toPublic) = tick;
            var (council, meeting) = (view.CouncilId, view.MeetingId);
            await hub.Clients.Groups(toPublic
                    ? [MeetingGroups.InsidersShowingTurnout(council, meeting, shard), MeetingGroups.OutsidersShowingTurnout(council, meeting, shard)]
                    : [MeetingGroups.InsidersShowingTurnout(council, meeting, shard)])
                .BallotChanged(view);
            if (shard == 0) await ScreensAsync(council, meeting, g => g.BallotChanged(view, toPublic));
        }
        catch (Exception e) { logger.LogWarning(e, "Could not push a ballot's turnout"); }
        finally { screens.Sending.Release(); }
    }
}
