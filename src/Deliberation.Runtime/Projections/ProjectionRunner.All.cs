using System.Data.Common;
using System.Runtime.ExceptionServices;
using Deliberation.Runtime.EventLog;
using Microsoft.Extensions.Logging;

namespace Deliberation.Runtime.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>How many batches of events this runner has read from the log (tests and diagnostics).</summary>
    public long BatchesRead => Interlocked.Read(ref _batchesRead);

    private long _batchesRead;

    /// <summary>
    /// Catches up every projection, reading each batch of the log once for all of them: each applies the part after its
    /// own checkpoint, all in one transaction. Read once per projection, the same events were most of what a vote
    /// allocated in the hall (docs/performance.md). When one fails, the others are applied alone and its failure is
    /// thrown after them.
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
            var projections = behind.Select(b => _projections[b.Key]).OrderBy(p => p.Model.Name, StringComparer.Ordinal).ToList();
            if (await ApplyTogetherAsync(projections, from, events, ct).ConfigureAwait(false)) continue;
            // One of them failed and took the others' work with it: each alone, so that it holds back only itself.
            var failures = new List<Exception>();
            foreach (var projection in projections)
            {
                try
                {
                    await ApplyPartAsync(projection, from, events, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Add(e);
                }
            }
            if (failures.Count == 1) ExceptionDispatchInfo.Capture(failures[0]).Throw();
            if (failures.Count > 1) throw new AggregateException(failures);
        }
    }

    /// <summary>
    /// Applies the batch to every projection behind in one transaction: one commit (one sync to disk, one writer's turn
    /// on SQLite) instead of one per projection, most of which only move their checkpoint past a vote. False, with
    /// nothing kept, if any of them failed. The gates are taken in name order (a read's catch-up holds only one).
    /// </summary>
    private async Task<bool> ApplyTogetherAsync(List<Projection> projections, long from, IReadOnlyList<LoggedEvent> events, CancellationToken ct)
    {
        var gated = new List<Projection>();
        var applied = new List<(Projection Projection, int Count)>();
        try
        {
            foreach (var projection in projections)
            {
                await projection.Gate.WaitAsync(ct).ConfigureAwait(false);
                gated.Add(projection);
            }
            await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
            using var turn = await _dialect.WriterTurnAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var checkpoints = await CheckpointsAsync(connection, transaction, ct).ConfigureAwait(false);
            var context = new ProjectionContext(connection, transaction, _dialect);
            foreach (var projection in projections)
            {
                // Read again under its gate and in this transaction: a read's catch-up or a rebuild may have moved it.
                var checkpoint = checkpoints.GetValueOrDefault(projection.Model.Name);
                if (PartAfter(checkpoint, from, events) is not { } part) continue;
                if (!await MoveCheckpointAsync(connection, transaction, projection, checkpoint, part[^1].Position, ct).ConfigureAwait(false)) continue;
                applied.Add((projection, part.Count));
                await projection.Model.ApplyAsync(part, context, ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var (projection, _) in applied) projection.Model.Forget();
            LogTogetherFailed(_logger, e, applied.Count > 0 ? applied[^1].Projection.Model.Name : "(none)");
            return false;
        }
        catch
        {
            foreach (var (projection, _) in applied) projection.Model.Forget();
            throw;
        }
        finally
        {
            foreach (var projection in gated) projection.Gate.Release();
        }
        foreach (var (projection, count) in applied) Progressed(projection, count);
        return true;
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
            if (PartAfter(checkpoint, from, events) is not { } part) return;
            await ApplyAsync(projection, checkpoint, part, ct).ConfigureAwait(false);
        }
        finally
        {
            projection.Gate.Release();
        }
    }

    /// <summary>
    /// The events of a batch read after <paramref name="from"/> that a projection at <paramref name="checkpoint"/> lacks;
    /// null when the batch does not cover where it is (it is behind the batch's start, or already past its end).
    /// </summary>
    private static IReadOnlyList<LoggedEvent>? PartAfter(long checkpoint, long from, IReadOnlyList<LoggedEvent> events) =>
        checkpoint < from || checkpoint >= events[^1].Position ? null
            : checkpoint == from ? events : events.Where(e => e.Position > checkpoint).ToList();

    /// <summary>Every checkpoint, as the transaction sees them.</summary>
    private static async Task<Dictionary<string, long>> CheckpointsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = SqlEventLog.Command(connection, transaction, "SELECT name, position FROM projection_checkpoints");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var checkpoints = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) checkpoints[reader.GetString(0)] = AsLong(reader.GetValue(1));
        return checkpoints;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying a batch to every projection at once failed (last begun: {Name}); applying it to each alone")]
    private static partial void LogTogetherFailed(ILogger logger, Exception exception, string name);

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
