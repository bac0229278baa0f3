namespace Deliberation.Runtime.EventLog;

/// <summary>One stored event: its place in its stream and its link in the stream's hash chain.</summary>
public sealed record EventEnvelope(
    string StreamId,
    long Sequence,
    string EventType,
    string Actor,
    DateTimeOffset OccurredAt,
    string Payload,
    string PreviousHash,
    string Hash);

/// <summary>An event to append; the store assigns its sequence and hashes.</summary>
public sealed record PendingEvent(string EventType, string Actor, DateTimeOffset OccurredAt, string Payload);

/// <summary>
/// The catalogue row of a stream, upserted in the same transaction as an append. Derived data (rebuildable from the
/// streams); <see cref="Version"/> is always overwritten by the store with the stream's new last sequence.
/// </summary>
public sealed record StreamSummary(
    string StreamId,
    string Category,
    string Scope,
    long Version,
    string Summary,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// Whether streams of this kind can fall due (a notice period's end, a ledger deadline): then the store keeps
    /// <see cref="DueAt"/> in its <c>dues</c> table, in the same transaction, set or cleared. Streams that never fall due
    /// (votes, follows) leave that table alone.
    /// </summary>
    public bool MayFallDue { get; init; }

    /// <summary>When the stream's aggregate next falls due, if it does; null when nothing is due.</summary>
    public DateTimeOffset? DueAt { get; init; }
}

/// <summary>A stream that falls due at a time (a row of the <c>dues</c> table).</summary>
public sealed record StreamDue(string StreamId, string Category, DateTimeOffset DueAt);

/// <summary>
/// Events to append to one stream. <see cref="ExpectedVersion"/> is the sequence of the last event the caller has seen
/// (0 for a new stream). <see cref="Summary"/>, when given, replaces the stream's catalogue row.
/// </summary>
public sealed record StreamAppend(
    string StreamId,
    long ExpectedVersion,
    IReadOnlyList<PendingEvent> Events,
    StreamSummary? Summary);

/// <summary>The result of recomputing every hash and link of a stream.</summary>
public sealed record ChainVerification(bool IsIntact, long EventsChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>The stream was not at the version the writer expected; nothing was written.</summary>
public sealed class StreamConcurrencyException : Exception
{
    public StreamConcurrencyException(string streamId, long expected, long actual)
        : base($"Stream '{streamId}' is at version {actual}, not the expected {expected}; nothing was written.")
    {
        StreamId = streamId;
        Expected = expected;
        Actual = actual;
    }

    public string StreamId { get; }
    public long Expected { get; }
    public long Actual { get; }
}

/// <summary>
/// The write was sent and may or may not have been committed: the connection failed during the commit, or the write
/// outlived its time limit and is still running. Nothing can be said about it until the stream is read again; a caller
/// resends its request with the same id (idempotency key), which is then answered from what the log holds.
/// </summary>
public sealed class WriteOutcomeUnknownException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What a person is told: the words are part of the contract (clients look for them).</summary>
    public const string Advice = "outcome unknown: resend with the same id";
}
