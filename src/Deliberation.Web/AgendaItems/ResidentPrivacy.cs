using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain.Councils;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// What an item tells those outside the council's work about residents: that a resident acted, never which one.
/// A resident's own acts (a topic of their own, an objection, a rating) show <see cref="Resident"/> instead of the
/// account, in the view and in the event's details; a grid worker's submission keeps the grid worker, who acted in
/// that role, and hides the resident named. Those holding a role other than resident act for the council and see names.
/// </summary>
public static class ResidentPrivacy
{
    /// <summary>Stands in for a resident's account wherever one would appear.</summary>
    public const string Resident = "resident";

    private static readonly Dictionary<string, string[]> ResidentActs = new()
    {
        ["ItemSubmitted"] = ["submittedBy", "onBehalfOf"],
        ["ObjectionRaised"] = ["raisedBy"],
        ["ResultRated"] = ["ratedBy"],
        ["CommentPosted"] = ["authorId"],
    };

    public static bool SeesNames(Actor? viewer) => viewer is not null && viewer.Roles.Any(r => r.Role != CouncilRole.Resident);

    public static ItemView WithoutResidents(ItemView view) => view with
    {
        SubmittedBy = view.OnBehalfOf is null ? Resident : view.SubmittedBy,
        OnBehalfOf = view.OnBehalfOf is null ? null : Resident,
        Objections = view.Objections.Select(o => o with { RaisedBy = Resident }).ToList(),
        Timeline = view.Timeline.Select(WithoutResidents).ToList(),
    };

    private static TimelineEntry WithoutResidents(TimelineEntry entry)
    {
        if (!ResidentActs.ContainsKey(entry.Type) || JsonNode.Parse(entry.Details.GetRawText()) is not JsonObject details)
            return entry;
        var actor = entry.Actor;
        return Hide(entry.Type, details, ref actor)
            ? entry with { Actor = actor, Details = JsonSerializer.SerializeToElement(details) }
            : entry;
    }

    /// <summary>
    /// Hides the resident in an event of a resident's act: the actor and the fields naming them become
    /// <see cref="Resident"/>, in place. False when the event is no resident's act (nothing changed).
    /// </summary>
    public static bool Hide(string eventType, JsonObject details, ref string actor)
    {
        if (!ResidentActs.TryGetValue(eventType, out var fields)) return false;
        var byGridWorker = eventType == "ItemSubmitted" && details["onBehalfOf"] is JsonValue;
        foreach (var field in byGridWorker ? ["onBehalfOf"] : fields)
            if (details[field] is not null) details[field] = Resident;
        if (!byGridWorker) actor = Resident;
        return true;
    }
}
