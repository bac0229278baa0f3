using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>How many batches of events this runner has read from the log (tests and diagnostics).</summary>
    public long BatchesRead => Interlocked.Read(ref _batchesRead);

    private long _batchesRead;

    /// <summary>
    /// Catches up every projection, reading each batch of the log once for all of them: each applies the part after its
    /// own checkpoint. Read once per projection, the same events were most of what a vote allocated in the hall
    /// (docs/performance.md).
    /// </summary>
    public async Task CatchUpAllAsync(CancellationToken ct = default)
    {
        while (true)
        {
            var (checkpoints, head) = await AllPositionsAsync(ct).ConfigureAwait(false);
            var behind = checkpoints.Where(c => c.Value < head).ToList();
            if (behind.Count == 0) return;
            var from = behind.Min(c => c.Value);
            var events = await ReadAfterAsync(from, ct).ConfigureAwait(false);
            if (events.Count == 0) return;
            foreach (var (name, _) in behind) await ApplyPartAsync(_projections[name], from, events, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The events of a batch read after <paramref name="from"/> that the projection has not applied, if the batch covers
    /// where it is now (checked under its gate: a read's catch-up or a rebuild may have moved it since).
    /// </summary>
    private async Task ApplyPartAsync(Projection projection, long from, IReadOnlyList<LoggedEvent> events, CancellationToken ct)
    {
        await projection.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var (checkpoint, _) = await PositionsAsync(projection, ct).ConfigureAwait(false);
            if (checkpoint < from || checkpoint >= events[^1].Position) return;
            var part = checkpoint == from ? events : events.Where(e => e.Position > checkpoint).ToList();
            await ApplyAsync(projection, checkpoint, part, ct).ConfigureAwait(false);
        }
        finally
        {
            projection.Gate.Release();
        }
    }

    /// <summary>Every checkpoint of this runner's projections, and the log's head, in one round trip.</summary>
    private async Task<(Dictionary<string, long> Checkpoints, long Head)> AllPositionsAsync(CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null,
            "SELECT name, position, (SELECT MAX(global_position) FROM events) FROM projection_checkpoints");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var checkpoints = new Dictionary<string, long>(StringComparer.Ordinal);
        var head = 0L;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            head = AsLong(reader.GetValue(2));
            if (_projections.ContainsKey(reader.GetString(0))) checkpoints[reader.GetString(0)] = AsLong(reader.GetValue(1));
        }
        return (checkpoints, head);
    }
}
