using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.Projections;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// What was merged into each item: the merged topic's title and the clerk's reason, so the item that absorbed it shows
/// them with one index read. It keeps the titles it needs from the items' submissions (its own table, on its own
/// checkpoint), not from the items list, which moves on another.
/// </summary>
public sealed class MergesProjection() : CategoryProjection<AgendaItemEvent>(ProjectionName, AgendaItemGrain.Category)
{
    public const string ProjectionName = "item-merges";

    public override IReadOnlyList<string> Schema { get; } =
    [
        "CREATE TABLE IF NOT EXISTS merge_titles (item_id TEXT NOT NULL PRIMARY KEY, council_id TEXT NOT NULL, title TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS item_merges (
            council_id TEXT NOT NULL,
            into_item_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            title TEXT NOT NULL,
            reason TEXT NOT NULL,
            merged_at TEXT NOT NULL,
            PRIMARY KEY (council_id, into_item_id, item_id)
        )
        """,
    ];

    public override IReadOnlyList<string> Tables { get; } = ["merge_titles", "item_merges"];

    protected override bool Reads(string eventType) => eventType is nameof(ItemSubmitted) or nameof(ItemMerged);

    protected override async Task ApplyAsync(string itemId, AgendaItemEvent e, LoggedEvent logged, ProjectionContext context)
    {
        switch (e)
        {
            case ItemSubmitted s:
                await context.ExecuteAsync("INSERT INTO merge_titles (item_id, council_id, title) VALUES (@item, @council, @title) " +
                    "ON CONFLICT (item_id) DO NOTHING", ("@item", itemId), ("@council", s.CouncilId), ("@title", s.Title));
                break;
            case ItemMerged m:
                var source = await context.QueryAsync("SELECT council_id, title FROM merge_titles WHERE item_id = @item",
                    row => (Council: row.GetString(0), Title: row.GetString(1)), ("@item", itemId));
                if (source.Count == 0) break;
                await context.ExecuteAsync("INSERT INTO item_merges (council_id, into_item_id, item_id, title, reason, merged_at) " +
                    "VALUES (@council, @into, @item, @title, @reason, @at) ON CONFLICT (council_id, into_item_id, item_id) DO NOTHING",
                    ("@council", source[0].Council), ("@into", m.IntoItemId), ("@item", itemId), ("@title", source[0].Title),
                    ("@reason", m.Reason), ("@at", ReadModelTime.Format(logged.Event.OccurredAt)));
                break;
        }
    }
}

/// <summary>A topic merged into an item, as the item's page lists it.</summary>
public sealed record MergedItemView(string ItemId, string Title, string Reason, DateTimeOffset MergedAt);

public static class ItemMerges
{
    public static Task<IReadOnlyList<MergedItemView>> IntoAsync(ProjectionRunner readSide, string councilId, string itemId) =>
        readSide.QueryAsync(MergesProjection.ProjectionName,
            "SELECT item_id, title, reason, merged_at FROM item_merges WHERE council_id = @council AND into_item_id = @item ORDER BY merged_at, item_id",
            row => new MergedItemView(row.GetString(0), row.GetString(1), row.GetString(2),
                DateTimeOffset.Parse(row.GetString(3), System.Globalization.CultureInfo.InvariantCulture)),
            ("@council", councilId), ("@item", itemId));
}
