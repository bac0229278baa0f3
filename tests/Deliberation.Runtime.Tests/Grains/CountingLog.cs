using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Tests.Grains;

/// <summary>An event log that counts the stream reads it is asked for.</summary>
public sealed class CountingLog(IEventLog inner) : IEventLog
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long afterSequence = 0, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadStreamAsync(streamId, afterSequence, ct);
    }

    public Task<IReadOnlyList<EventEnvelope>> AppendAsync(StreamAppend append, CancellationToken ct = default) => inner.AppendAsync(append, ct);

    public Task<IReadOnlyList<IReadOnlyList<EventEnvelope>>> AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default) =>
        inner.AppendBatchAsync(appends, ct);

    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string category, string? scope = null, CancellationToken ct = default) =>
        inner.ListStreamsAsync(category, scope, ct);

    public Task<StreamSummary?> GetSummaryAsync(string streamId, CancellationToken ct = default) => inner.GetSummaryAsync(streamId, ct);

    public Task<ChainVerification> VerifyStreamAsync(string streamId, CancellationToken ct = default) => inner.VerifyStreamAsync(streamId, ct);
}
