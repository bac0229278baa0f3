using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Grains;
using Deliberation.Web.Meetings;

namespace Deliberation.Web.Record;

/// <summary>
/// An event of the public record: exactly as hashed (actor, time and payload are the hash's inputs, byte for byte), or,
/// when it names what the public may not see, withheld: its link in the chain (sequence, previous hash, hash) is shown,
/// the hashed body is not, and <see cref="Withheld"/> says what it shows instead and why (docs/verifying.md).
/// </summary>
public sealed record RecordEvent(long Sequence, string PreviousHash, string Hash, string Type, string OccurredAt,
    string? Actor, string? Payload, WithheldEvent? Withheld);

/// <summary>What a withheld event shows: the public pages' view of it, and why the body is withheld.</summary>
public sealed record WithheldEvent(IReadOnlyList<string> Reasons, string Actor, JsonObject Details);

/// <summary>Which events the public record withholds, by the rules the public pages follow.</summary>
public static class Withholding
{
    /// <summary>The body names a resident (their own topic, objection or rating): <see cref="ResidentPrivacy"/>.</summary>
    public const string ResidentReason = "resident";

    /// <summary>The body names an item that has not been disclosed: <see cref="MeetingDisclosure"/>.</summary>
    public const string UndisclosedItemReason = "undisclosed-item";

    /// <summary>The clerk's working text of the minutes: what the public reads is the published version, never the drafts.</summary>
    public const string DraftReason = "draft";

    /// <summary>A comment the clerk hid: its text is withheld; the hiding, with the clerk's reason, is shown.</summary>
    public const string HiddenCommentReason = "hidden-comment";

    /// <param name="hiddenComments">In a comments stream, the numbers of the comments hidden later in it.</param>
    public static RecordEvent Of(EventEnvelope e, IReadOnlySet<string> disclosedItems, IReadOnlySet<int>? hiddenComments = null)
    {
        var time = EventHasher.FormatTime(e.OccurredAt);
        if (JsonNode.Parse(e.Payload) is not JsonObject details) return new(e.Sequence, e.PreviousHash, e.Hash, e.EventType, time, e.Actor, e.Payload, null);
        var actor = e.Actor;
        var reasons = new List<string>();
        if (ResidentPrivacy.Hide(e.EventType, details, ref actor)) reasons.Add(ResidentReason);
        if (HideUndisclosedItems(details, disclosedItems) | HideNestedItems(details, disclosedItems)) reasons.Add(UndisclosedItemReason);
        if (e.EventType == nameof(Deliberation.Domain.Comments.CommentPosted) && details["no"] is JsonValue no
            && no.TryGetValue<int>(out var number) && hiddenComments?.Contains(number) == true)
        {
            reasons.Add(HiddenCommentReason);
            details.Remove("text");
        }
        if (e.EventType == nameof(Deliberation.Domain.Minutes.DiscussionWritten))
        {
            reasons.Add(DraftReason);
            details.Clear();
        }
        if (reasons.Count == 0) return new(e.Sequence, e.PreviousHash, e.Hash, e.EventType, time, e.Actor, e.Payload, null);
        // The request's fingerprint ties the event to its sender's other requests: not shown for a withheld one.
        details.Remove(EventCodec<object>.RequestIdField);
        return new(e.Sequence, e.PreviousHash, e.Hash, e.EventType, time, null, null, new WithheldEvent(reasons, actor, details));
    }

    /// <summary>
    /// Inside a body (the minutes' draft: its items, ballots, resolutions), anything that names an item not disclosed is
    /// shown only as that: the whole entry, its title and count included, gives way to the placeholder.
    /// </summary>
    private static bool HideNestedItems(JsonNode? node, IReadOnlySet<string> disclosed)
    {
        var hidden = false;
        bool Names(JsonNode? child) => child is JsonObject o && o["itemId"] is JsonValue v && v.TryGetValue<string>(out var id) && !disclosed.Contains(id);
        JsonObject Placeholder() => new() { ["itemId"] = MeetingDisclosure.Undisclosed };
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                    if (Names(o[key])) { o[key] = Placeholder(); hidden = true; }
                    else hidden |= HideNestedItems(o[key], disclosed);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (Names(a[i])) { a[i] = Placeholder(); hidden = true; }
                    else hidden |= HideNestedItems(a[i], disclosed);
                break;
        }
        return hidden;
    }

    private static bool HideUndisclosedItems(JsonObject details, IReadOnlySet<string> disclosed)
    {
        var hidden = false;
        bool Hidden(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var id) && !disclosed.Contains(id);
        if (Hidden(details["itemId"]))
        {
            details["itemId"] = MeetingDisclosure.Undisclosed;
            // A ballot on an item not disclosed is not public either.
            if (details.ContainsKey("ballotId")) details["ballotId"] = MeetingDisclosure.Undisclosed;
            hidden = true;
        }
        if (details["agenda"] is JsonArray agenda)
            for (var i = 0; i < agenda.Count; i++)
                if (Hidden(agenda[i]))
                {
                    agenda[i] = MeetingDisclosure.Undisclosed;
                    hidden = true;
                }
        return hidden;
    }
}
