using System.Collections.Frozen;
using System.Data.Common;
using Deliberation.Runtime.EventLog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Runtime.Projections;

/// <summary>
/// Follows the event log by its global position and keeps every projection's read model current, on SQLite and
/// PostgreSQL alike. Each projection has a checkpoint row (<c>projection_checkpoints</c>); a batch of events is applied
/// in one transaction that first moves the checkpoint from where it was read to the batch's last position, so a batch
/// is applied once even if two nodes try it at the same time: the second finds the checkpoint moved and rolls back.
/// The log's writer makes positions visible in order (PostgreSQL: the position is taken under a lock held to commit),
/// so everything at or below a visible position is committed and a checkpoint never skips an event.
/// </summary>
public sealed partial class ProjectionRunner : IAsyncDisposable
{
    private const int BatchSize = 500;

    private readonly SqlDialect _dialect;
    private readonly FrozenDictionary<string, Projection> _projections;
    private readonly ILogger _logger;

    public ProjectionRunner(EventLogOptions storage, IEnumerable<IProjection> projections, ILogger<ProjectionRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(projections);
        _dialect = EventLogFactory.CreateDialect(storage);
        _projections = projections.ToFrozenDictionary(p => p.Name, p => new Projection(p), StringComparer.Ordinal);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public IReadOnlyCollection<string> Names => _projections.Keys;

    /// <summary>How many events this runner (this node) has applied to a projection since it started.</summary>
    public long EventsApplied(string name) => Interlocked.Read(ref Find(name).Applied);

    private volatile bool _schemaReady;

    /// <summary>Creates the log's tables, the checkpoints and every projection's tables (idempotent, under the schema lock).</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        if (_schemaReady) return;
        await _dialect.EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var statements = new List<string>();
        if (_dialect.SchemaLockStatement is { } schemaLock) statements.Add(schemaLock);
        statements.AddRange(_projections.Values.SelectMany(p => p.Model.Schema));
        foreach (var statement in statements)
        {
            await using var command = SqlEventLog.Command(connection, transaction, statement);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        foreach (var name in _projections.Keys)
        {
            await using var command = SqlEventLog.Command(connection, transaction,
                "INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (@name, 0, @at) ON CONFLICT (name) DO NOTHING",
                ("@name", name), ("@at", _dialect.TimeValue(DateTimeOffset.UtcNow)));
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        _schemaReady = true;
    }

    /// <summary>The projection's checkpoint: the position of the last event it has applied.</summary>
    public async Task<long> CheckpointAsync(string name, CancellationToken ct = default)
    {
        var (checkpoint, _) = await PositionsAsync(Find(name), ct).ConfigureAwait(false);
        return checkpoint;
    }

    /// <summary>Applies whatever the projection has not applied yet; returns its checkpoint.</summary>
    public async Task<long> CatchUpAsync(string name, CancellationToken ct = default)
    {
        var projection = Find(name);
        // One catch-up per projection per node at a time: readers waiting here find it done when they get in.
        await projection.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var (checkpoint, head) = await PositionsAsync(projection, ct).ConfigureAwait(false);
                if (head <= checkpoint) return checkpoint;
                var events = await ReadAfterAsync(checkpoint, ct).ConfigureAwait(false);
                if (events.Count == 0) return checkpoint;
                await ApplyAsync(projection, checkpoint, events, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            projection.Gate.Release();
        }
    }

    /// <summary>
    /// Empties the projection's tables and sets its checkpoint to zero in one transaction, then builds it again from
    /// the first event. A node applying a batch meanwhile finds its checkpoint moved and rolls back.
    /// </summary>
    public async Task<long> RebuildAsync(string name, CancellationToken ct = default)
    {
        var projection = Find(name);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await projection.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            foreach (var table in projection.Model.Tables)
            {
                await using var delete = SqlEventLog.Command(connection, transaction, $"DELETE FROM {table}");
                await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await using (var reset = SqlEventLog.Command(connection, transaction,
                "UPDATE projection_checkpoints SET position = 0, updated_at = @at WHERE name = @name",
                ("@name", name), ("@at", _dialect.TimeValue(DateTimeOffset.UtcNow))))
                await reset.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            projection.Model.Forget();
        }
        finally
        {
            projection.Gate.Release();
        }
        LogRebuilding(_logger, name);
        return await CatchUpAsync(name, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns once the projection has applied the log through <paramref name="position"/>, as this node sees it: woken
    /// by each batch this node applies (the leader's background work, or a read's catch-up).
    /// </summary>
    public async Task WaitForAsync(string name, long position, CancellationToken ct)
    {
        var projection = Find(name);
        while (true)
        {
            var progressed = Volatile.Read(ref projection.Progress).Task;
            if (await CheckpointAsync(name, ct).ConfigureAwait(false) >= position) return;
            await progressed.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a projection's tables once it has applied every event committed before the call.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string projection, string sql, Func<DbDataReader, T> row,
        params (string Name, object? Value)[] parameters)
    {
        await CatchUpAsync(projection).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null, sql, ProjectionContext.Values(parameters));
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync().ConfigureAwait(false)) rows.Add(row(reader));
        return rows;
    }

    /// <summary>The position of the last event committed to the log (0 when it is empty).</summary>
    public async Task<long> HeadAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null, "SELECT MAX(global_position) FROM events");
        return AsLong(await command.ExecuteScalarAsync(ct).ConfigureAwait(false));
    }

    private async Task<(long Checkpoint, long Head)> PositionsAsync(Projection projection, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null,
            "SELECT (SELECT position FROM projection_checkpoints WHERE name = @name), (SELECT MAX(global_position) FROM events)",
            ("@name", projection.Model.Name));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (AsLong(reader.GetValue(0)), AsLong(reader.GetValue(1)));
    }

    private async Task<IReadOnlyList<LoggedEvent>> ReadAfterAsync(long position, CancellationToken ct)
    {
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null,
            $"SELECT global_position, {EventRows.Columns} FROM events WHERE global_position > @after ORDER BY global_position LIMIT {BatchSize}",
            ("@after", position));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var events = new List<LoggedEvent>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            events.Add(new LoggedEvent(reader.GetInt64(0), EventRows.Read(reader, _dialect, 1)));
        Interlocked.Increment(ref _batchesRead);
        return events;
    }

    private async Task ApplyAsync(Projection projection, long from, IReadOnlyList<LoggedEvent> events, CancellationToken ct)
    {
        var to = events[^1].Position;
        try
        {
            await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
            using var turn = await _dialect.WriterTurnAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (!await MoveCheckpointAsync(connection, transaction, projection, from, to, ct).ConfigureAwait(false))
            {
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
                projection.Model.Forget();
                return;
            }
            await projection.Model.ApplyAsync(events, new ProjectionContext(connection, transaction, _dialect), ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            projection.Model.Forget();
            throw;
        }
        Progressed(projection, events.Count);
    }

    /// <summary>
    /// Moves the checkpoint from where it was read, first in the transaction: it takes the row's lock, so two nodes on
    /// the same batch queue here and the second one finds the position moved (false: apply nothing).
    /// </summary>
    private async Task<bool> MoveCheckpointAsync(DbConnection connection, DbTransaction transaction, Projection projection, long from, long to, CancellationToken ct)
    {
        await using var move = SqlEventLog.Command(connection, transaction,
            "UPDATE projection_checkpoints SET position = @to, updated_at = @at WHERE name = @name AND position = @from",
            ("@to", to), ("@at", _dialect.TimeValue(DateTimeOffset.UtcNow)), ("@name", projection.Model.Name), ("@from", from));
        return await move.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    /// <summary>After a commit: counts the events and wakes whoever waits for this projection's progress.</summary>
    private static void Progressed(Projection projection, int count)
    {
        Interlocked.Add(ref projection.Applied, count);
        Interlocked.Exchange(ref projection.Progress, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private Projection Find(string name) =>
        _projections.TryGetValue(name, out var projection)
            ? projection
            : throw new ArgumentException($"There is no projection '{name}' (there are: {string.Join(", ", _projections.Keys)}).", nameof(name));

    private static long AsLong(object? value) =>
        value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_dialect is IAsyncDisposable disposable) await disposable.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Projection(IProjection model)
    {
        public IProjection Model { get; } = model;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public long Applied;
        public TaskCompletionSource Progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding projection {Name} from the first event")]
    private static partial void LogRebuilding(ILogger logger, string name);
}
