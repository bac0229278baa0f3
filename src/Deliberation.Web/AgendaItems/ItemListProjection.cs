using System.Text.Json;
using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// The council's items list, one row per item with the summary a list shows, built from the items' events (the step,
/// status and publicity need the item's history, so each item is folded as its grain folds it).
/// </summary>
public sealed class ItemListProjection() : FoldedCategoryProjection<AgendaItem>(ProjectionName, AgendaItemGrain.Category, Fold)
{
    public const string ProjectionName = "item-list";

    public override IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS item_list (
            item_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            is_public BIGINT NOT NULL,
            updated_at TEXT NOT NULL,
            summary TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_item_list_council ON item_list (council_id, updated_at)",
    ];

    public override IReadOnlyList<string> Tables { get; } = ["item_list"];

    protected override async Task WriteAsync(AgendaItem item, EventEnvelope last, ProjectionContext context)
    {
        if (Summarize(item, last.OccurredAt) is not { } summary) return;
        await context.ExecuteAsync(
            "INSERT INTO item_list (item_id, council_id, is_public, updated_at, summary) VALUES (@id, @council, @public, @at, @summary) " +
            "ON CONFLICT (item_id) DO UPDATE SET council_id = excluded.council_id, is_public = excluded.is_public, " +
            "updated_at = excluded.updated_at, summary = excluded.summary",
            ("@id", summary.Id), ("@council", summary.CouncilId), ("@public", summary.IsPublic ? 1L : 0L),
            ("@at", ReadModelTime.Format(summary.UpdatedAt)), ("@summary", JsonSerializer.Serialize(summary, EventJson.Options)));
    }

    private static AgendaItem Fold(AgendaItem? item, EventEnvelope e)
    {
        item ??= AgendaItem.Replay([]);
        item.Apply(EventCodec<AgendaItemEvent>.Instance.Decode(e));
        return item;
    }

    /// <summary>
    /// A batch may end between two events of one append (an acceptance and the step it enters), a state the grain never
    /// summarises and the domain does not answer for; the batch that holds the append's last event writes the row.
    /// </summary>
    private static ItemSummary? Summarize(AgendaItem item, DateTimeOffset at)
    {
        try
        {
            return ItemProjection.Summary(item, at);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
