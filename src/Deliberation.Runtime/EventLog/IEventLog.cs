namespace Deliberation.Runtime.EventLog;

/// <summary>An append-only, hash-chained log of event streams with a catalogue row per stream.</summary>
public interface IEventLog
{
    /// <summary>The events of a stream with a sequence greater than <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long afterSequence = 0, CancellationToken ct = default);

    /// <summary>
    /// Appends to one stream (group-committed with concurrent callers). Returns the stored envelopes once they are
    /// committed. Throws <see cref="StreamConcurrencyException"/> (writing nothing) when the stream's version is not
    /// <see cref="StreamAppend.ExpectedVersion"/>.
    /// </summary>
    Task<IReadOnlyList<EventEnvelope>> AppendAsync(StreamAppend append, CancellationToken ct = default);

    /// <summary>Appends to several streams, all or nothing. Results are in the order of <paramref name="appends"/>.</summary>
    Task<IReadOnlyList<IReadOnlyList<EventEnvelope>>> AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default);

    /// <summary>The catalogue rows of a category (optionally of one scope), ordered by stream id.</summary>
    Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string category, string? scope = null, CancellationToken ct = default);

    /// <summary>The catalogue row of a stream, or null when it has none.</summary>
    Task<StreamSummary?> GetSummaryAsync(string streamId, CancellationToken ct = default);

    /// <summary>
    /// Streams that fall due, soonest first, after <paramref name="after"/> (keyset paging: the last row of the previous
    /// page), at most <paramref name="limit"/>. An indexed read of the <c>dues</c> table, not of every stream.
    /// </summary>
    Task<IReadOnlyList<StreamDue>> ListDueAsync(StreamDue? after, int limit, CancellationToken ct = default);

    /// <summary>Recomputes every hash and link of a stream.</summary>
    Task<ChainVerification> VerifyStreamAsync(string streamId, CancellationToken ct = default);
}
