using System.Text.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Journaling;
using Orleans;
using Orleans.EventSourcing;
using Orleans.Providers;

namespace Deliberation.Web.Grains;

/// <summary>
/// An Orleans journaled grain whose state is a pure domain aggregate and whose log is its event stream (the
/// <see cref="EventLogConsistency"/> provider). A command runs on the live aggregate, which decides its events and folds
/// them in, then commits them: raised conditionally, chained on the version this activation holds. A conflict or a
/// failed write fails the command (409 or 503) and the view is rebuilt from the log before the next call, so nothing
/// half done is ever kept. Each grain says once what its stream is called and what the catalogue shows.
/// </summary>
[LogConsistencyProvider(ProviderName = EventLogConsistency.ProviderName)]
/// <param name="category">The stream's category: its id is <c>{category}-{key}</c>, and the catalogue lists it under it.</param>
public abstract class AggregateGrain<TAggregate, TEvent>(string category) : JournaledGrain<Journal<TAggregate>, Recorded<TEvent>>,
    IEventLogJournal<Journal<TAggregate>, Recorded<TEvent>>, IIncomingGrainCallFilter
    where TAggregate : class
    where TEvent : class
{
    private bool _viewDiscarded;

    protected static EventCodec<TEvent> Codec => EventCodec<TEvent>.Instance;

    /// <summary>Folds one event into the aggregate (null before the stream's first event).</summary>
    protected abstract TAggregate Fold(TAggregate? aggregate, TEvent e);

    /// <summary>The catalogue row's scope (the council, for most streams).</summary>
    protected abstract string ScopeOf(TAggregate aggregate);

    /// <summary>What the catalogue shows for the stream, so that lists read it instead of replaying.</summary>
    protected abstract object SummaryOf(TAggregate aggregate, DateTimeOffset at);

    /// <summary>
    /// When the aggregate next falls due (a notice period's end), for grains whose state needs a reminder
    /// (<see cref="IFallsDue"/>): kept in the log's <c>dues</c> table with each append, so that at start the
    /// <see cref="DueTimes"/> reconciler finds every due time without a reminder. Null: nothing due.
    /// </summary>
    protected virtual DateTimeOffset? DueOf(TAggregate aggregate) => null;

    /// <summary>Whether the aggregate can fall due at all (a <see cref="FallsDueGrain{TAggregate, TEvent}"/>).</summary>
    protected virtual bool MayFallDue => false;

    /// <summary>Whether the view keeps the stored events (with hashes) for the grain's answers to show.</summary>
    protected virtual bool KeepsStoredEvents => false;

    protected string Key => this.GetPrimaryKeyString();

    public string StreamId => $"{category}-{Key}";

    protected TAggregate? Current => State.Aggregate;

    protected IReadOnlyList<EventEnvelope> StoredEvents => State.Stored ?? [];

    /// <summary>
    /// Orleans' journaled grain reads its log when activated; this one reads it in its first call instead, so that a
    /// database that is down fails that call with a clear answer, not the activation, and the next call tries again.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        await RefreshNow();
        await context.Invoke();
        await AfterCallAsync();
    }

    /// <summary>What follows every call that returned (a falling-due grain's reminder following its state).</summary>
    protected virtual Task AfterCallAsync() => Task.CompletedTask;

    protected override void TransitionState(Journal<TAggregate> state, Recorded<TEvent> @event) =>
        state.Aggregate = Fold(state.Aggregate, @event.Event);

    /// <summary>
    /// Commits events the command decided on the live aggregate; returns once they are durable. A command sent with a
    /// request id (idempotency key) carries it on its first event, and <see cref="Answered"/> knows it from then on.
    /// </summary>
    protected Task CommitAsync(IReadOnlyList<TEvent> events, string actor, DateTimeOffset at, string? requestId = null) =>
        Raise(Entries(events, actor, at, requestId));

    /// <summary>One command's events by more than one actor (a person's and then the process's), in one commit.</summary>
    protected Task CommitAsync(IEnumerable<Recorded<TEvent>> entries) => Raise(entries.ToList());

    /// <summary>Makes a newly created aggregate the view and commits the events that created it.</summary>
    protected Task CommitNewAsync(TAggregate created, IReadOnlyList<TEvent> events, string actor, DateTimeOffset at, string? requestId = null)
    {
        State.Aggregate = created;
        return Raise(Entries(events, actor, at, requestId));
    }

    /// <summary>The entries of one command: the request id, when there is one, on the first.</summary>
    protected static IReadOnlyList<Recorded<TEvent>> Entries(IReadOnlyList<TEvent> events, string actor, DateTimeOffset at, string? requestId = null) =>
        events.Select((e, i) => new Recorded<TEvent>(e, actor, at, i == 0 ? RequestIds.Fingerprint(requestId) : null)).ToList();

    /// <summary>
    /// Whether this actor's command with this request id is already durable in the stream: a resend (after a timeout,
    /// an unknown outcome or a lost answer) is then answered with the current state and writes nothing.
    /// </summary>
    protected bool Answered(string actor, string? requestId) =>
        RequestIds.Fingerprint(requestId) is { } fingerprint && State.Requests?.Contains(RequestIds.Scoped(actor, fingerprint)) == true;

    /// <summary>
    /// Raises the events in the caller's turn and returns the task of their durability. An interleaved call returns
    /// its decision's task this way before its first await, so the calls that arrive meanwhile join the same write.
    /// </summary>
    protected Task Raise(IReadOnlyList<TEvent> events, string actor, DateTimeOffset at) => Raise(Entries(events, actor, at));

    private Task Raise(IReadOnlyList<Recorded<TEvent>> entries)
    {
        if (entries.Count == 0) return Task.CompletedTask;
        var expected = Version;
        return DurableAsync(RaiseConditionalEvents(entries), expected);
    }

    /// <summary>
    /// For a command that changed the live aggregate and then failed before raising its events (awaiting another grain):
    /// the view is rebuilt from the log before the next call.
    /// </summary>
    protected void DiscardView() => _viewDiscarded = true;

    private async Task DurableAsync(Task<bool> raised, int expected)
    {
        if (await raised) return;
        await RefreshNow();
        throw new StreamConcurrencyException(StreamId, expected, Version);
    }

    PendingEvent IEventLogJournal<Journal<TAggregate>, Recorded<TEvent>>.Encode(Recorded<TEvent> entry) =>
        Codec.Encode(entry.Event, entry.Actor, entry.At, entry.RequestId);

    Recorded<TEvent> IEventLogJournal<Journal<TAggregate>, Recorded<TEvent>>.Decode(EventEnvelope stored) =>
        new(Codec.Decode(stored), stored.Actor, stored.OccurredAt, EventCodec<TEvent>.RequestIdOf(stored));

    StreamSummary? IEventLogJournal<Journal<TAggregate>, Recorded<TEvent>>.Summarize(Journal<TAggregate> view, IReadOnlyList<Recorded<TEvent>> written)
    {
        if (view.Aggregate is not { } aggregate) return null;
        var at = written[^1].At;
        return CatalogueRow(StreamId, category, ScopeOf(aggregate), SummaryOf(aggregate, at), at, MayFallDue, MayFallDue ? DueOf(aggregate) : null);
    }

    /// <summary>
    /// A stream's catalogue row as its grain writes it with each append; whatever writes such a stream without its grain
    /// (the demo's made-up history) writes the row through the same grain's use of this, so both agree.
    /// </summary>
    protected static StreamSummary CatalogueRow(string streamId, string category, string scope, object summary, DateTimeOffset at,
        bool mayFallDue, DateTimeOffset? dueAt) =>
        new(streamId, category, scope, 0, JsonSerializer.Serialize(summary, summary.GetType(), EventJson.Options), at)
        {
            MayFallDue = mayFallDue,
            DueAt = dueAt,
        };

    void IEventLogJournal<Journal<TAggregate>, Recorded<TEvent>>.Stored(Journal<TAggregate> view, EventEnvelope stored)
    {
        if (KeepsStoredEvents) (view.Stored ??= []).Add(stored);
        if (EventCodec<TEvent>.RequestIdOf(stored) is { } requestId) (view.Requests ??= []).Add(RequestIds.Scoped(stored.Actor, requestId));
    }

    bool IEventLogJournal<Journal<TAggregate>, Recorded<TEvent>>.TakeViewDiscarded()
    {
        var discarded = _viewDiscarded;
        _viewDiscarded = false;
        return discarded;
    }
}
