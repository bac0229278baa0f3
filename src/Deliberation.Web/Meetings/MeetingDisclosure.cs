using Deliberation.Domain.Councils;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Hosting;
using Orleans;

namespace Deliberation.Web.Meetings;

/// <summary>
/// A meeting as those outside its council see it: meetings are public, their items only once disclosed. An item not
/// disclosed yet stays on the agenda as <see cref="Undisclosed"/>, so the public learns that it exists and nothing else.
/// </summary>
public static class MeetingDisclosure
{
    /// <summary>Stands in for the id of an agenda item not disclosed yet.</summary>
    public const string Undisclosed = "undisclosed";

    public static bool SeesEverything(Actor? viewer) => viewer is { Roles.Count: > 0 };

    public static async Task<MeetingView> ForViewerAsync(MeetingView meeting, IGrainFactory grains, Actor? viewer) =>
        SeesEverything(viewer) ? meeting : await ForPublicAsync(meeting, grains);

    public static async Task<MeetingView> ForPublicAsync(MeetingView meeting, IGrainFactory grains)
    {
        var disclosed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var itemId in meeting.Agenda.Append(meeting.CurrentItemId).OfType<string>().Where(Identifiers.IsValid).Distinct())
            if (await grains.GetGrain<IAgendaItemGrain>(itemId).GetAsync(meeting.CouncilId, null) is not null) disclosed.Add(itemId);
        string Shown(string itemId) => disclosed.Contains(itemId) ? itemId : Undisclosed;
        return meeting with
        {
            Agenda = meeting.Agenda.Select(Shown).ToList(),
            CurrentItemId = meeting.CurrentItemId is { } current ? Shown(current) : null,
            TakenUp = meeting.TakenUp.Select(Shown).ToList(),
        };
    }
}
