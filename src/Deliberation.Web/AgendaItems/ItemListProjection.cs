using System.Text.Json;
using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// The council's items list, one row per item with the summary a list shows, built from the items' events (the step,
/// status and publicity need the item's history, so each item is folded as its grain folds it).
/// </summary>
public sealed class ItemListProjection : IProjection
{
    public const string ProjectionName = "item-list";
    private const string Prefix = AgendaItemGrain.Category + "-";

    private readonly StreamStates<AgendaItem> _items = new((item, e) =>
    {
        item ??= AgendaItem.Replay([]);
        item.Apply(EventCodec<AgendaItemEvent>.Instance.Decode(e));
        return item;
    });

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
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

    public IReadOnlyList<string> Tables { get; } = ["item_list"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        // Only each item's last state in the batch is written: a rebuild writes a row per item, not per event.
        var latest = new Dictionary<string, (AgendaItem Item, DateTimeOffset At)>(StringComparer.Ordinal);
        foreach (var (_, e) in events)
        {
            if (!e.StreamId.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            latest[e.StreamId] = (await _items.AdvanceAsync(e, context), e.OccurredAt);
        }
        var summaries = latest.Values.Select(l => Summarize(l.Item, l.At)).OfType<ItemSummary>().ToList();
        foreach (var summary in summaries)
            await context.ExecuteAsync(
                "INSERT INTO item_list (item_id, council_id, is_public, updated_at, summary) VALUES (@id, @council, @public, @at, @summary) " +
                "ON CONFLICT (item_id) DO UPDATE SET council_id = excluded.council_id, is_public = excluded.is_public, " +
                "updated_at = excluded.updated_at, summary = excluded.summary",
                ("@id", summary.Id), ("@council", summary.CouncilId), ("@public", summary.IsPublic ? 1L : 0L),
                ("@at", ReadModelTime.Format(summary.UpdatedAt)), ("@summary", JsonSerializer.Serialize(summary, EventJson.Options)));
    }

    public void Forget() => _items.Clear();

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
