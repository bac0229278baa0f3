using System.Text.Json;
using Deliberation.Web.AgendaItems;

namespace Deliberation.Web.Photos;

/// <summary>A photo as the item's record names it, on the topic (<c>ProgressReport</c> null) or a progress report.</summary>
public sealed record PhotoEntry(string PhotoId, string Description, int? ProgressReport, int Width, int Height);

/// <summary>A progress report with its number (from 1, in the order reported), as photos name it.</summary>
public sealed record ProgressEntry(int No, string Text, DateTimeOffset At);

/// <summary>An item's photos and progress reports, read from its timeline (the record the viewer may already see).</summary>
public static class PhotoEntries
{
    public static IReadOnlyList<PhotoEntry> Of(ItemView item) => item.Timeline
        .Where(e => e.Type == "PhotoAttached" && e.Details.ValueKind == JsonValueKind.Object)
        .Select(e => new PhotoEntry(
            Text(e.Details, "photoId"), Text(e.Details, "description"),
            e.Details.TryGetProperty("progressReport", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null,
            Number(e.Details, "width"), Number(e.Details, "height")))
        .ToList();

    public static IReadOnlyList<ProgressEntry> Reports(ItemView item) => item.Timeline
        .Where(e => e.Type == "ProgressReported")
        .Select((e, i) => new ProgressEntry(i + 1, e.Details.ValueKind == JsonValueKind.Object ? Text(e.Details, "text") : "", e.At))
        .ToList();

    private static string Text(JsonElement details, string name) =>
        details.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int Number(JsonElement details, string name) =>
        details.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
