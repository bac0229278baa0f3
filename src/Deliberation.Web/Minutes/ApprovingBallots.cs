using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Domain.Minutes;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;
using Orleans;

namespace Deliberation.Web.Minutes;

/// <summary>
/// The ballots that may approve minutes whose body approves them by a vote: the same body's, passed at one of its later
/// meetings that has closed (the rule <see cref="MinutesGrain"/> applies). The clerk or chair picks one; nobody types an id.
/// </summary>
public static class ApprovingBallots
{
    /// <summary>The council's meetings looked at after this one: enough to reach the body's next few however many bodies meet.</summary>
    private const int LaterMeetings = 50;

    public sealed record Choice(string BallotId, string MeetingTitle, DateTimeOffset StartsAt, string ItemId);

    public static async Task<IReadOnlyList<Choice>> ListAsync(IGrainFactory grains, ProjectionRunner readSide, MinutesDraft draft, Actor viewer)
    {
        var later = await MeetingCatalogue.LaterAsync(readSide, draft.CouncilId, draft.StartsAt, LaterMeetings);
        var choices = new List<Choice>();
        foreach (var meeting in later.Where(m => m.BodyId == draft.BodyId && m.Status == MeetingStatus.Closed))
            foreach (var ballotId in meeting.Ballots)
                if (await grains.GetGrain<IBallotGrain>(ballotId).GetAsync(draft.CouncilId, viewer) is { Result.Passes: true } ballot)
                    choices.Add(new(ballotId, meeting.Title, meeting.StartsAt, ballot.ItemId));
        return choices;
    }
}
