using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Journaling;

/// <summary>
/// What a journaled grain tells the event-log provider about its stream. The grain is the adaptor's host: it names the
/// stream, turns its entries into stored events and back, and says what the catalogue shows after a write.
/// </summary>
public interface IEventLogJournal<TView, TEntry>
{
    string StreamId { get; }

    PendingEvent Encode(TEntry entry);

    TEntry Decode(EventEnvelope stored);

    /// <summary>The stream's catalogue row once <paramref name="written"/> are stored; <paramref name="view"/> already holds them.</summary>
    StreamSummary? Summarize(TView view, IReadOnlyList<TEntry> written);

    /// <summary>Called for every event of the view once it is durable (loaded or just written), with its hash.</summary>
    void Stored(TView view, EventEnvelope stored);

    /// <summary>
    /// True when the grain let a command change the view and then failed before raising its events; the view is then
    /// rebuilt from the log before the next call (<see cref="Orleans.EventSourcing.ILogViewUpdate{T}.Synchronize"/>).
    /// Reading it clears it.
    /// </summary>
    bool TakeViewDiscarded();
}
