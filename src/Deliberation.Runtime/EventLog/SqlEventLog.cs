using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Runtime.EventLog;

/// <summary>
/// The event log over ADO.NET, for SQLite and PostgreSQL. Appends go through one writer that gathers concurrent
/// requests and commits them in one transaction per batch (group commit); each caller awaits its own outcome, which is
/// set only after the commit. Versions are checked inside the transaction against the catalogue rows it read (locked
/// on PostgreSQL), the catalogue is updated conditionally, and UNIQUE(stream_id, sequence) is the backstop; when a
/// batch transaction fails as a whole before its commit, its requests are retried one transaction each so only the
/// offender fails. A commit that fails unconfirmed is not retried: every caller learns its outcome is unknown.
/// </summary>
internal sealed partial class SqlEventLog : IEventLog, IAsyncDisposable, IDisposable
{
    internal const int MaxBatchAppends = 500;

    private readonly SqlDialect _dialect;
    private readonly ILogger _logger;
    private readonly Channel<WriteRequest> _queue =
        Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly Task _writer;
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
        catch (WriteOutcomeUnknownException unknown)
        {
            // Retrying one by one would find what did commit and call it a conflict: every caller hears the truth instead.
            foreach (var request in batch) request.Completion.TrySetException(unknown);
            return;
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

    /// <summary>
    /// A unique violation on (stream_id, sequence), or a catalogue row that changed under the batch, means another
    /// writer got there first: a version conflict.
    /// </summary>
    private async Task<Exception> ExplainAsync(Exception ex, WriteRequest request)
    {
        if (!_dialect.IsUniqueViolation(ex) && ex is not CatalogueChangedException) return ex;
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

    internal Task EnsureSchemaAsync(CancellationToken ct) => _dialect.EnsureSchemaAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false); // drain: everything queued is written (or fails) before we go
        if (_dialect is IAsyncDisposable disposable) await disposable.DisposeAsync().ConfigureAwait(false);
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
