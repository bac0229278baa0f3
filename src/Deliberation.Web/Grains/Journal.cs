using Deliberation.Runtime.EventLog;

namespace Deliberation.Web.Grains;

/// <summary>
/// An aggregate grain's view: the domain aggregate, held once, folded from the stream when the grain is activated and
/// changed in place by each command (the domain folds the events it decides into it).
/// </summary>
public sealed class Journal<TAggregate> where TAggregate : class
{
    /// <summary>Null until the stream's first event.</summary>
    public TAggregate? Aggregate { get; set; }

    /// <summary>The stored events with their hashes, kept only by grains whose views show their history (the item's timeline).</summary>
    public List<EventEnvelope>? Stored { get; set; }

    /// <summary>The requests already durable in this stream, as "actor\nrequest id fingerprint" (see <see cref="Recorded{TEvent}.RequestId"/>).</summary>
    public HashSet<string>? Requests { get; set; }
}

/// <summary>
/// One entry of a grain's journal: a domain event, who raised it and when, and (on the first event of a command sent
/// with an idempotency key) the key's fingerprint, so that a resend of that command is answered from the log instead of acted on again.
/// </summary>
public sealed record Recorded<TEvent>(TEvent Event, string Actor, DateTimeOffset At, string? RequestId = null) where TEvent : class;
