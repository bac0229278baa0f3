using System.Text.Json;
using Deliberation.Runtime.Projections;

namespace Deliberation.Web.Record;

/// <summary>
/// The council's public record: one row per stream of a <see cref="RecordKinds"/> kind, with its council, whether it
/// has been disclosed, the item it depends on, and its head (last sequence and hash). Which streams are public, and
/// their heads, are read here (one indexed query), never from a scan of the streams or a grain.
/// </summary>
public sealed class RecordProjection : IProjection
{
    // "-2": comment threads joined the record; a new name starts a new checkpoint, so an existing log is read again
    // from its first event into the same table (rows already there keep theirs; heads and flags only move forward).
    public const string ProjectionName = "public-record-2";

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS record_streams (
            stream_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            item_stream TEXT NOT NULL,
            disclosed BIGINT NOT NULL,
            sequence BIGINT NOT NULL,
            head_hash TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_record_streams_council ON record_streams (council_id, stream_id)",
    ];

    public IReadOnlyList<string> Tables { get; } = ["record_streams"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        // A stream's head moves once per batch, to its last event (a ballot's thousand votes are one update, not a thousand).
        var heads = new Dictionary<string, Head>(StringComparer.Ordinal);
        foreach (var (_, e) in events)
        {
            if (RecordKinds.Of(e.StreamId) is not { } kind) continue;
            var disclosed = kind.Discloses(e) ? 1L : 0L;
            if (e.Sequence == 1)
            {
                using var payload = JsonDocument.Parse(e.Payload);
                var council = payload.RootElement.TryGetProperty("councilId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
                await context.ExecuteAsync(
                    "INSERT INTO record_streams (stream_id, council_id, kind, item_stream, disclosed, sequence, head_hash) " +
                    "VALUES (@id, @council, @kind, @item, @disclosed, @sequence, @hash) ON CONFLICT (stream_id) DO NOTHING",
                    ("@id", e.StreamId), ("@council", council), ("@kind", kind.Name), ("@item", kind.ItemStreamOf(payload.RootElement)),
                    ("@disclosed", disclosed), ("@sequence", e.Sequence), ("@hash", e.Hash));
            }
            else
                heads[e.StreamId] = new Head(e.Sequence, e.Hash, heads.TryGetValue(e.StreamId, out var earlier) ? Math.Max(earlier.Disclosed, disclosed) : disclosed);
        }
        foreach (var (streamId, head) in heads)
        {
            // Disclosure is never undone: once set, the flag stays. A head only moves forward, so reading the log
            // again from its start (a new name, above) leaves a row that is ahead as it is.
            await context.ExecuteAsync(
                "UPDATE record_streams SET sequence = @sequence, head_hash = @hash, " +
                "disclosed = CASE WHEN @disclosed = 1 THEN 1 ELSE disclosed END WHERE stream_id = @id AND sequence < @sequence",
                ("@sequence", head.Sequence), ("@hash", head.Hash), ("@disclosed", head.Disclosed), ("@id", streamId));
        }
    }

    /// <summary>A stream's last event in a batch, and whether any of its events in the batch disclosed it.</summary>
    private readonly record struct Head(long Sequence, string Hash, long Disclosed);

    public void Forget() { }
}
