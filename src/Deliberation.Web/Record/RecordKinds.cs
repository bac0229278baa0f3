using System.Text.Json;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;

namespace Deliberation.Web.Record;

/// <summary>
/// A kind of stream the council's public record shows: its category (streams are <c>{category}-{key}</c>, and the
/// first event's payload names the council in <c>councilId</c>), and from when it is public: from its first event
/// (<see cref="DisclosedBy"/> null), or from the first event that <see cref="DisclosedBy"/> accepts (a stream once
/// public stays public); with <see cref="ItemField"/>, also only while the item its first event names there is public.
/// </summary>
public sealed record RecordKind(string Name, string Category, Func<EventEnvelope, bool>? DisclosedBy = null, string? ItemField = null)
{
    public string Prefix => Category + "-";

    public bool Discloses(EventEnvelope e) => DisclosedBy is null || DisclosedBy(e);

    /// <summary>The stream of the item a stream's first event ties it to, or "" when the kind is public by itself.</summary>
    public string ItemStreamOf(JsonElement firstPayload) =>
        ItemField is not null && firstPayload.TryGetProperty(ItemField, out var item) && item.ValueKind == JsonValueKind.String
            ? RecordKinds.Items.Prefix + item.GetString()
            : "";
}

/// <summary>The kinds of public stream. A new kind (the minutes) is one line in <see cref="All"/>.</summary>
public static class RecordKinds
{
    /// <summary>An item once disclosed (or closed after a rejected vote), with its whole history, as its page shows it.</summary>
    public static readonly RecordKind Items = new("item", AgendaItemGrain.Category, e => e.EventType switch
    {
        nameof(ResolutionDisclosed) or nameof(ResultDisclosed) => true,
        nameof(ItemClosed) => EventCodec<AgendaItemEvent>.Instance.Decode(e) is ItemClosed { Outcome: ItemOutcome.Rejected },
        _ => false,
    });

    /// <summary>Meetings are public; what they say of items not disclosed yet is withheld (<see cref="Withholding"/>).</summary>
    public static readonly RecordKind Meetings = new("meeting", MeetingGrain.Category);

    /// <summary>A ballot once closed (a named ballot's votes are shown only then), on an item that is public.</summary>
    public static readonly RecordKind Ballots = new("ballot", BallotGrain.Category, e => e.EventType == nameof(BallotClosed), "itemId");

    /// <summary>A meeting's minutes once published; the clerk's drafts are withheld (<see cref="Withholding.DraftReason"/>).</summary>
    public static readonly RecordKind Minutes = new("minutes", Web.Minutes.MinutesGrain.Category,
        e => e.EventType == nameof(Deliberation.Domain.Minutes.MinutesPublished));

    /// <summary>
    /// An item's comments, from the window's opening, while the item is public; residents are not named, and a hidden
    /// comment's text is withheld (<see cref="Withholding.HiddenCommentReason"/>).
    /// </summary>
    public static readonly RecordKind Comments = new("comments", Web.Comments.CommentsGrain.Category, null, "itemId");

    public static readonly IReadOnlyList<RecordKind> All = [Items, Meetings, Ballots, Minutes, Comments];

    public static RecordKind? Of(string streamId) => All.FirstOrDefault(k => streamId.StartsWith(k.Prefix, StringComparison.Ordinal));
}
