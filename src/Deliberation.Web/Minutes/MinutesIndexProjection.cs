using Deliberation.Domain.Minutes;
using Deliberation.Runtime.Projections;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Minutes;

/// <summary>
/// Which meetings have published minutes (and their latest version), and which items each published version took up,
/// so an item's page links the minutes of every meeting that took it up, and the archive links each meeting's minutes.
/// </summary>
public sealed class MinutesIndexProjection() : CategoryProjection<MinutesEvent>(ProjectionName, MinutesGrain.Category)
{
    public const string ProjectionName = "minutes-index";

    public override IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS minutes_published (
            meeting_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            latest_version BIGINT NOT NULL,
            published_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS minutes_items (
            item_id TEXT NOT NULL,
            meeting_id TEXT NOT NULL,
            council_id TEXT NOT NULL,
            meeting_title TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            PRIMARY KEY (item_id, meeting_id)
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_minutes_published_council ON minutes_published (council_id)",
    ];

    public override IReadOnlyList<string> Tables { get; } = ["minutes_published", "minutes_items"];

    // Only publications matter here; the discussion's drafts are never decoded.
    protected override bool Reads(string eventType) => eventType is nameof(MinutesPublished) or nameof(MinutesCorrected);

    protected override async Task ApplyAsync(string meetingId, MinutesEvent e, LoggedEvent logged, ProjectionContext context)
    {
        var (version, draft) = e switch
        {
            MinutesPublished p => (p.Version, p.Draft),
            MinutesCorrected c => (c.Version, c.Draft),
            _ => throw new InvalidDataException($"Event {logged.Event.StreamId}#{logged.Event.Sequence} is not a publication."),
        };
        await context.ExecuteAsync(
            "INSERT INTO minutes_published (meeting_id, council_id, latest_version, published_at) VALUES (@meeting, @council, @version, @at) " +
            "ON CONFLICT (meeting_id) DO UPDATE SET latest_version = excluded.latest_version, published_at = excluded.published_at",
            ("@meeting", draft.MeetingId), ("@council", draft.CouncilId), ("@version", (long)version), ("@at", ReadModelTime.Format(logged.Event.OccurredAt)));
        // A correction may add an item it had missed; it never removes one the earlier version recorded as taken up.
        foreach (var item in draft.Items.Where(i => i.TakenUp))
            await context.ExecuteAsync(
                "INSERT INTO minutes_items (item_id, meeting_id, council_id, meeting_title, starts_at) VALUES (@item, @meeting, @council, @title, @starts) " +
                "ON CONFLICT (item_id, meeting_id) DO NOTHING",
                ("@item", item.ItemId), ("@meeting", draft.MeetingId), ("@council", draft.CouncilId), ("@title", draft.Title),
                ("@starts", ReadModelTime.Format(draft.StartsAt)));
    }
}

/// <summary>A meeting whose published minutes took up an item.</summary>
public sealed record MinutesOfItem(string MeetingId, string MeetingTitle, DateTimeOffset StartsAt);

/// <summary>Reads the minutes index.</summary>
public static class MinutesIndex
{
    public static Task<IReadOnlyList<MinutesOfItem>> ForItemAsync(ProjectionRunner readSide, string councilId, string itemId) =>
        readSide.QueryAsync(MinutesIndexProjection.ProjectionName,
            "SELECT meeting_id, meeting_title, starts_at FROM minutes_items WHERE council_id = @council AND item_id = @item ORDER BY starts_at, meeting_id",
            row => new MinutesOfItem(row.GetString(0), row.GetString(1), DateTimeOffset.Parse(row.GetString(2), System.Globalization.CultureInfo.InvariantCulture)),
            ("@council", councilId), ("@item", itemId));

    /// <summary>Each meeting of the council with published minutes, and its latest version.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> PublishedAsync(ProjectionRunner readSide, string councilId) =>
        (await readSide.QueryAsync(MinutesIndexProjection.ProjectionName,
            "SELECT meeting_id, latest_version FROM minutes_published WHERE council_id = @council",
            row => (row.GetString(0), (int)row.GetInt64(1)), ("@council", councilId)))
        .ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
}
