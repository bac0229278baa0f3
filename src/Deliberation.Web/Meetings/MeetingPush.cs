using Deliberation.Web.Ballots;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Web.Meetings;

/// <summary>
/// Pushes a change to the meeting's screens once it is durable. A push that fails is logged and dropped: the change is
/// in the log, and a screen that missed it gets the whole state again when it rejoins.
/// </summary>
public sealed class MeetingPush(IHubContext<MeetingHub, IMeetingClient> hub, ILogger<MeetingPush> logger)
{
    public async Task MeetingChangedAsync(MeetingView meeting)
    {
        try { await hub.Clients.Group(MeetingGroups.Everyone(meeting.CouncilId, meeting.Id)).MeetingChanged(meeting); }
        catch (Exception e) { logger.LogWarning(e, "Could not push meeting {MeetingId}", meeting.Id); }
    }

    /// <param name="ballot">The ballot as nobody in particular sees it (no vote buttons).</param>
    /// <param name="public">Whether its item is disclosed, so that the public may see it too.</param>
    public async Task BallotChangedAsync(BallotView ballot, bool @public)
    {
        try
        {
            var group = @public ? MeetingGroups.Everyone(ballot.CouncilId, ballot.MeetingId) : MeetingGroups.Insiders(ballot.CouncilId, ballot.MeetingId);
            await hub.Clients.Group(group).BallotChanged(ballot);
        }
        catch (Exception e) { logger.LogWarning(e, "Could not push ballot {BallotId}", ballot.Id); }
    }
}
