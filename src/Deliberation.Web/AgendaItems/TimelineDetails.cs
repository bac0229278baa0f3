using System.Text.Json;
using Deliberation.Web.Localization;

namespace Deliberation.Web.AgendaItems;

/// <summary>The parts of an event worth a line in the timeline (reasons, texts, counts), in a fixed order.</summary>
public static class TimelineDetails
{
    private static readonly string[] Fields =
        ["title", "reason", "reasons", "opinion", "summary", "text", "note", "department", "intoItemId", "responsibleParty", "deadline", "score", "percentDone"];

    public static IEnumerable<string> Of(TimelineEntry entry, UiText text)
    {
        if (entry.Details.ValueKind != JsonValueKind.Object) yield break;
        foreach (var field in Fields)
        {
            if (entry.Details.TryGetProperty(field, out var value) && value.ValueKind is not JsonValueKind.Null)
                yield return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }
        if (entry.Details.TryGetProperty("tally", out var tally) && tally.ValueKind == JsonValueKind.Object)
            yield return text.Format("item.tally", Count(tally, "for"), Count(tally, "against"), Count(tally, "abstain"),
                Count(tally, "present"), Count(tally, "electorate"));
    }

    private static string Count(JsonElement tally, string name) =>
        tally.TryGetProperty(name, out var count) && count.TryGetProperty("members", out var members) ? members.GetRawText() : "?";
}
