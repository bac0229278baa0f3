using Deliberation.Runtime.EventLog;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// The real event log, except that while it is held, appends to the streams it names wait for <see cref="Release"/>
/// and then go through: a write that outlives the app's time limit and still commits. Or, with
/// <see cref="FailAfterCommit"/>, one that commits and then reports that its commit went unconfirmed. It counts appends.
/// </summary>
public sealed class GatedEventLog(IEventLog inner) : IEventLog, IAsyncDisposable
{
    private TaskCompletionSource _gate = Open();
    private volatile string? _held;
    private volatile bool _failAfterCommit;

    /// <summary>Appends to streams starting with this wait from now on.</summary>
    public void Hold(string streamPrefix)
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = streamPrefix;
    }

    /// <summary>The next append to the stream commits and then throws as a lost connection during its commit would.</summary>
    public void FailAfterCommit(string streamPrefix)
    {
        _held = streamPrefix;
        _failAfterCommit = true;
    }

    /// <summary>The next append to the stream fails before anything is written, as a dropped connection would.</summary>
    public void FailNext(string streamPrefix)
    {
        _held = streamPrefix;
        _failBefore = true;
    }

    private volatile bool _failBefore;

    public void Release()
    {
        _held = null;
        _gate.TrySetResult();
    }

    /// <summary>Signalled when a held append has arrived.</summary>
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _appends = new();

    /// <summary>How many appends (commits) the stream has been sent since the app started.</summary>
    public int AppendsTo(string streamId) => _appends.GetValueOrDefault(streamId);

    public async Task<IReadOnlyList<EventEnvelope>> AppendAsync(StreamAppend append, CancellationToken ct = default)
    {
        _appends.AddOrUpdate(append.StreamId, 1, (_, n) => n + 1);
        if (_held is { } prefix && append.StreamId.StartsWith(prefix, StringComparison.Ordinal))
        {
            if (_failBefore)
            {
                _failBefore = false;
                _held = null;
                throw new IOException("The connection to the database was reset before the write was sent.");
            }
            if (_failAfterCommit)
            {
                _failAfterCommit = false;
                _held = null;
                await inner.AppendAsync(append, ct);
                throw new WriteOutcomeUnknownException($"The commit was sent and not confirmed; {WriteOutcomeUnknownException.Advice}.");
            }
            Arrived.TrySetResult();
            await _gate.Task;
        }
        return await inner.AppendAsync(append, ct);
    }

    public Task<IReadOnlyList<IReadOnlyList<EventEnvelope>>> AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default) =>
        inner.AppendBatchAsync(appends, ct);

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long fromSequence = 0, CancellationToken ct = default) =>
        inner.ReadStreamAsync(streamId, fromSequence, ct);

    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string category, string? scope = null, CancellationToken ct = default) =>
        inner.ListStreamsAsync(category, scope, ct);

    public Task<StreamSummary?> GetSummaryAsync(string streamId, CancellationToken ct = default) => inner.GetSummaryAsync(streamId, ct);

    public Task<ChainVerification> VerifyStreamAsync(string streamId, CancellationToken ct = default) => inner.VerifyStreamAsync(streamId, ct);

    public Task<IReadOnlyList<StreamDue>> ListDueAsync(StreamDue? after, int limit, CancellationToken ct = default) =>
        inner.ListDueAsync(after, limit, ct);

    public ValueTask DisposeAsync()
    {
        Release();
        return inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
