using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Runtime.EventLog;

/// <summary>
/// The event log over ADO.NET, for SQLite and PostgreSQL. Appends go through one writer that gathers concurrent
/// requests and commits them in one transaction per batch (group commit); each caller awaits its own outcome, which is
/// set only after the commit. Versions are checked inside the transaction (conditional update of streams.version),
/// with UNIQUE(stream_id, sequence) as the backstop; when a batch transaction fails as a whole, its requests are
/// retried one transaction each so only the offender fails.
/// </summary>
internal sealed partial class SqlEventLog : IEventLog, IAsyncDisposable, IDisposable
{
    internal const int MaxBatchAppends = 500;

    private readonly SqlDialect _dialect;
    private readonly ILogger _logger;
    private readonly Channel<WriteRequest> _queue =
        Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly Task _writer;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;
    private int _disposed;

    public SqlEventLog(SqlDialect dialect, ILogger? logger = null)
    {
        _dialect = dialect;
        _logger = logger ?? NullLogger.Instance;
        _writer = Task.Run(WriterLoopAsync);
    }

    /// <summary>How many batch transactions the writer has committed (diagnostics and tests).</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batchesCommitted);
    private long _batchesCommitted;

    public async Task<IReadOnlyList<EventEnvelope>> AppendAsync(StreamAppend append, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        var results = await EnqueueAsync([append], ct).ConfigureAwait(false);
        return results[0];
    }

    public Task<IReadOnlyList<IReadOnlyList<EventEnvelope>>> AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Count == 0) return Task.FromResult<IReadOnlyList<IReadOnlyList<EventEnvelope>>>([]);
        return EnqueueAsync(appends.ToArray(), ct);
    }

    private Task<IReadOnlyList<IReadOnlyList<EventEnvelope>>> EnqueueAsync(StreamAppend[] appends, CancellationToken ct)
    {
        foreach (var append in appends) Validate(append);
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var request = new WriteRequest(appends, ct);
        if (!_queue.Writer.TryWrite(request)) throw new ObjectDisposedException(nameof(SqlEventLog));
        // Once queued, a request is either skipped before its batch starts (if cancelled by then) or written;
        // the caller always learns the real outcome.
        return request.Completion.Task;
    }

    private static void Validate(StreamAppend append)
    {
        ArgumentNullException.ThrowIfNull(append);
        ArgumentException.ThrowIfNullOrWhiteSpace(append.StreamId, nameof(append));
        if (append.ExpectedVersion < 0)
            throw new ArgumentOutOfRangeException(nameof(append), "ExpectedVersion must be 0 or more.");
        if (append.Events is null || append.Events.Count == 0)
            throw new ArgumentException($"An append to '{append.StreamId}' needs at least one event.", nameof(append));
        foreach (var e in append.Events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(append));
            if (e.EventType is null || e.Actor is null || e.Payload is null)
                throw new ArgumentException("EventType, Actor and Payload must not be null.", nameof(append));
        }
        if (append.Summary is { } summary)
        {
            if (summary.StreamId != append.StreamId)
                throw new ArgumentException($"The summary is for '{summary.StreamId}', not '{append.StreamId}'.", nameof(append));
            if (summary.Category is null || summary.Scope is null || summary.Summary is null)
                throw new ArgumentException("Category, Scope and Summary must not be null.", nameof(append));
        }
    }

    private async Task WriterLoopAsync()
    {
        var batch = new List<WriteRequest>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var appends = 0;
            while (appends < MaxBatchAppends && _queue.Reader.TryRead(out var request))
            {
                if (request.Cancellation.IsCancellationRequested)
                {
                    request.Completion.TrySetCanceled(request.Cancellation);
                    continue;
                }
                batch.Add(request);
                appends += request.Appends.Length;
            }
            if (batch.Count == 0) continue;
            try
            {
                await CommitBatchAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Never let the writer die; whoever is still waiting learns why.
                foreach (var request in batch) request.Completion.TrySetException(ex);
            }
        }
    }

    private async Task CommitBatchAsync(List<WriteRequest> batch)
    {
        try
        {
            await EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            foreach (var request in batch) request.Completion.TrySetException(ex);
            return;
        }

        object[] outcomes;
        try
        {
            outcomes = await WriteAsync(batch).ConfigureAwait(false);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogBatchFailed(_logger, ex, batch.Count);
            foreach (var request in batch)
            {
                try
                {
                    var single = await WriteAsync([request]).ConfigureAwait(false);
                    Complete(request, single[0]);
                }
                catch (Exception inner)
                {
                    request.Completion.TrySetException(await ExplainAsync(inner, request).ConfigureAwait(false));
                }
            }
            return;
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(await ExplainAsync(ex, batch[0]).ConfigureAwait(false));
            return;
        }
        for (var i = 0; i < batch.Count; i++) Complete(batch[i], outcomes[i]);
    }

    private static void Complete(WriteRequest request, object outcome)
    {
        if (outcome is Exception ex) request.Completion.TrySetException(ex);
        else request.Completion.TrySetResult((IReadOnlyList<IReadOnlyList<EventEnvelope>>)outcome);
    }

    /// <summary>A unique violation on (stream_id, sequence) means another writer got there first: a version conflict.</summary>
    private async Task<Exception> ExplainAsync(Exception ex, WriteRequest request)
    {
        if (!_dialect.IsUniqueViolation(ex)) return ex;
        try
        {
            await using var connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var append in request.Appends)
            {
                var actual = await LastSequenceAsync(connection, null, append.StreamId).ConfigureAwait(false);
                if (actual != append.ExpectedVersion)
                    return new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, actual);
            }
        }
        catch (Exception probe)
        {
            LogProbeFailed(_logger, probe);
        }
        return ex;
    }

    /// <summary>Writes the requests in one transaction. Each outcome is the request's envelopes or its conflict.</summary>
    private async Task<object[]> WriteAsync(IReadOnlyList<WriteRequest> requests)
    {
        var outcomes = new object[requests.Count];
        await using var connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var useSavepoint = request.Appends.Length > 1;
            if (useSavepoint) await ExecuteAsync(connection, transaction, "SAVEPOINT request").ConfigureAwait(false);
            var results = new IReadOnlyList<EventEnvelope>[request.Appends.Length];
            StreamConcurrencyException? conflict = null;
            for (var a = 0; a < request.Appends.Length && conflict is null; a++)
            {
                var append = request.Appends[a];
                var (claimed, actual) = await ClaimVersionAsync(connection, transaction, append).ConfigureAwait(false);
                if (!claimed)
                {
                    conflict = new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, actual);
                    break;
                }
                results[a] = await InsertEventsAsync(connection, transaction, append).ConfigureAwait(false);
            }
            if (conflict is not null)
            {
                if (useSavepoint)
                {
                    await ExecuteAsync(connection, transaction, "ROLLBACK TO SAVEPOINT request").ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, "RELEASE SAVEPOINT request").ConfigureAwait(false);
                }
                outcomes[i] = conflict;
            }
            else
            {
                if (useSavepoint) await ExecuteAsync(connection, transaction, "RELEASE SAVEPOINT request").ConfigureAwait(false);
                outcomes[i] = results;
            }
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        Interlocked.Increment(ref _batchesCommitted);
        return outcomes;
    }

    /// <summary>
    /// Moves streams.version from the expected to the new version, or reports the actual version. The conditional
    /// update takes the row lock, so on PostgreSQL a concurrent writer waits and then sees the new version.
    /// </summary>
    private async Task<(bool Claimed, long Actual)> ClaimVersionAsync(DbConnection connection, DbTransaction transaction, StreamAppend append)
    {
        var newVersion = append.ExpectedVersion + append.Events.Count;
        var summary = append.Summary;
        if (append.ExpectedVersion > 0)
        {
            var sql = summary is null
                ? "UPDATE streams SET version = @version WHERE stream_id = @stream AND version = @expected"
                : "UPDATE streams SET version = @version, category = @category, scope = @scope, summary = @summary, updated_at = @updated WHERE stream_id = @stream AND version = @expected";
            var updated = await ExecuteAsync(connection, transaction, sql, Parameters(append, newVersion)).ConfigureAwait(false);
            if (updated == 1) return (true, newVersion);
            var current = await CatalogueVersionAsync(connection, transaction, append.StreamId).ConfigureAwait(false);
            if (current is { } version) return (false, version);
            // No catalogue row (the catalogue is derived and may have been cleared): the events table decides.
            var last = await LastSequenceAsync(connection, transaction, append.StreamId).ConfigureAwait(false);
            if (last != append.ExpectedVersion) return (false, last);
        }
        const string insert =
            "INSERT INTO streams (stream_id, category, scope, version, summary, updated_at) " +
            "VALUES (@stream, @category, @scope, @version, @summary, @updated) ON CONFLICT (stream_id) DO NOTHING";
        var inserted = await ExecuteAsync(connection, transaction, insert, Parameters(append, newVersion)).ConfigureAwait(false);
        if (inserted == 1) return (true, newVersion);
        return (false, await CatalogueVersionAsync(connection, transaction, append.StreamId).ConfigureAwait(false) ?? 0);
    }

    private (string, object)[] Parameters(StreamAppend append, long newVersion)
    {
        var summary = append.Summary;
        return
        [
            ("@stream", append.StreamId),
            ("@expected", append.ExpectedVersion),
            ("@version", newVersion),
            ("@category", summary?.Category ?? ""),
            ("@scope", summary?.Scope ?? ""),
            ("@summary", summary?.Summary ?? ""),
            ("@updated", _dialect.TimeValue(summary?.UpdatedAt ?? append.Events[^1].OccurredAt)),
        ];
    }

    private async Task<IReadOnlyList<EventEnvelope>> InsertEventsAsync(DbConnection connection, DbTransaction transaction, StreamAppend append)
    {
        var previous = EventHasher.GenesisHash;
        if (append.ExpectedVersion > 0)
        {
            await using var select = Command(connection, transaction,
                "SELECT hash FROM events WHERE stream_id = @stream AND sequence = @sequence",
                ("@stream", append.StreamId), ("@sequence", append.ExpectedVersion));
            previous = await select.ExecuteScalarAsync().ConfigureAwait(false) as string
                ?? throw new InvalidOperationException(
                    $"Stream '{append.StreamId}' is at version {append.ExpectedVersion} but that event is missing.");
        }
        var stored = new EventEnvelope[append.Events.Count];
        const string insert =
            "INSERT INTO events (stream_id, sequence, event_type, actor, occurred_at, payload, previous_hash, hash) " +
            "VALUES (@stream, @sequence, @type, @actor, @occurred, @payload, @previous, @hash)";
        for (var i = 0; i < append.Events.Count; i++)
        {
            var pending = append.Events[i];
            var sequence = append.ExpectedVersion + i + 1;
            var occurredAt = EventHasher.Normalize(pending.OccurredAt);
            var hash = EventHasher.Compute(previous, append.StreamId, sequence, pending.EventType, pending.Actor, occurredAt, pending.Payload);
            await ExecuteAsync(connection, transaction, insert,
                ("@stream", append.StreamId), ("@sequence", sequence), ("@type", pending.EventType), ("@actor", pending.Actor),
                ("@occurred", _dialect.TimeValue(occurredAt)), ("@payload", pending.Payload), ("@previous", previous),
                ("@hash", hash)).ConfigureAwait(false);
            stored[i] = new EventEnvelope(append.StreamId, sequence, pending.EventType, pending.Actor, occurredAt, pending.Payload, previous, hash);
            previous = hash;
        }
        return stored;
    }

    private static async Task<long?> CatalogueVersionAsync(DbConnection connection, DbTransaction? transaction, string streamId)
    {
        await using var command = Command(connection, transaction, "SELECT version FROM streams WHERE stream_id = @stream", ("@stream", streamId));
        var value = await command.ExecuteScalarAsync().ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> LastSequenceAsync(DbConnection connection, DbTransaction? transaction, string streamId)
    {
        await using var command = Command(connection, transaction, "SELECT MAX(sequence) FROM events WHERE stream_id = @stream", ("@stream", streamId));
        var value = await command.ExecuteScalarAsync().ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    internal async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (_schemaReady) return;
        await _schemaLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_schemaReady) return;
            await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (_dialect.SchemaLockStatement is { } lockStatement)
                await ExecuteAsync(connection, transaction, lockStatement).ConfigureAwait(false);
            foreach (var statement in _dialect.SchemaStatements)
                await ExecuteAsync(connection, transaction, statement).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false); // drain: everything queued is written (or fails) before we go
        if (_dialect is IAsyncDisposable disposable) await disposable.DisposeAsync().ConfigureAwait(false);
        _schemaLock.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class WriteRequest(StreamAppend[] appends, CancellationToken cancellation)
    {
        public StreamAppend[] Appends { get; } = appends;
        public CancellationToken Cancellation { get; } = cancellation;
        public TaskCompletionSource<IReadOnlyList<IReadOnlyList<EventEnvelope>>> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} appends failed as a whole; retrying them one transaction each.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the stream version after a unique violation.")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception);
}
