using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Tests.Grains;

/// <summary>
/// An event log that holds every append at a gate until the test opens it, then passes them on in the order they came
/// (optionally failing the first): shows how many appends a grain has in flight at once, and what a failed write does.
/// </summary>
public sealed class GatedLog(IEventLog inner, bool failFirst = false) : IEventLog
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly object _order = new();
    private Task _forwardedBefore = Task.CompletedTask;
    private int _appends;

    /// <summary>Completes when <paramref name="count"/> more appends have reached the gate.</summary>
    public async Task WaitForArrivalsAsync(int count)
    {
        for (var i = 0; i < count; i++)
            if (!await _arrivals.WaitAsync(TimeSpan.FromSeconds(10))) throw new TimeoutException($"Only {i} of {count} appends arrived.");
    }

    public void Open() => _gate.TrySetResult();

    public Task<IReadOnlyList<EventEnvelope>> AppendAsync(StreamAppend append, CancellationToken ct = default)
    {
        var first = Interlocked.Increment(ref _appends) == 1;
        var forwarded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task before;
        lock (_order)
        {
            before = _forwardedBefore;
            _forwardedBefore = forwarded.Task;
        }
        _arrivals.Release();
        return Forward(before, forwarded, append, first, ct);
    }

    // Passes the append on once the gate is open and the one before it has been passed on (not finished), so the inner
    // log queues them in call order and may still commit them together.
    private async Task<IReadOnlyList<EventEnvelope>> Forward(Task before, TaskCompletionSource forwarded, StreamAppend append, bool first, CancellationToken ct)
    {
        await _gate.Task;
        await before;
        Task<IReadOnlyList<EventEnvelope>> written;
        try
        {
            if (first && failFirst) throw new IOException("the disk is full");
            written = inner.AppendAsync(append, ct);
        }
        finally
        {
            forwarded.TrySetResult();
        }
        return await written;
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long afterSequence = 0, CancellationToken ct = default) =>
        inner.ReadStreamAsync(streamId, afterSequence, ct);

    public Task<IReadOnlyList<IReadOnlyList<EventEnvelope>>> AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default) =>
        inner.AppendBatchAsync(appends, ct);

    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string category, string? scope = null, CancellationToken ct = default) =>
        inner.ListStreamsAsync(category, scope, ct);

    public Task<StreamSummary?> GetSummaryAsync(string streamId, CancellationToken ct = default) => inner.GetSummaryAsync(streamId, ct);

    public Task<ChainVerification> VerifyStreamAsync(string streamId, CancellationToken ct = default) => inner.VerifyStreamAsync(streamId, ct);
}
