using Deliberation.Domain.Councils;
using Deliberation.Domain.Minutes;
using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Meetings;

namespace Deliberation.Web.Minutes;

/// <summary>
/// Minutes as those outside the council read them: an item not disclosed yet keeps its place on the agenda as
/// <see cref="MeetingDisclosure.Undisclosed"/>, and its ballots and resolutions stay out until it is disclosed.
/// The published version itself is unchanged; this is how it is shown.
/// </summary>
public static class MinutesDisclosure
{
    public static async Task<MinutesView> ForViewerAsync(MinutesView view, ProjectionRunner readSide, Actor? viewer)
    {
        if (MeetingDisclosure.SeesEverything(viewer)) return view;
        var disclosed = (await ItemCatalogue.ListAsync(readSide, view.CouncilId, null)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return view with { Discussion = null, Draft = null, Versions = view.Versions.Select(v => v with { Draft = Shown(v.Draft, disclosed) }).ToList() };
    }

    public static MinutesDraft Shown(MinutesDraft draft, IReadOnlySet<string> disclosed) => draft with
    {
        Items = draft.Items.Select(i => disclosed.Contains(i.ItemId) ? i : i with { ItemId = MeetingDisclosure.Undisclosed, Title = "" }).ToList(),
        Ballots = draft.Ballots.Where(b => disclosed.Contains(b.ItemId)).ToList(),
        Resolutions = draft.Resolutions.Where(r => disclosed.Contains(r.ItemId)).ToList(),
        Speeches = draft.Speeches.Select(s => s.ItemId is null || disclosed.Contains(s.ItemId) ? s : s with { ItemId = MeetingDisclosure.Undisclosed }).ToList(),
    };
}
