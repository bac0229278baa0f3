using System.Collections.Immutable;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Grains;

namespace Deliberation.Web.Hosting;

/// <summary>The decoded domain events of one stream, in order.</summary>
public sealed record AggregateJournal<TEvent>(ImmutableList<TEvent> Events) where TEvent : class;

/// <summary>
/// A grain whose state is a pure domain aggregate rebuilt from its stream. A command runs on a fresh copy (the draft);
/// only when its events are durable does the draft become the grain's state, so a failed write leaves nothing half done.
/// </summary>
public abstract class AggregateGrain<TAggregate, TEvent>(IEventLog log) : JournaledGrain<AggregateJournal<TEvent>>(log)
    where TAggregate : class
    where TEvent : class
{
    private TAggregate? _current;
    private long _currentVersion = -1;

    protected static EventCodec<TEvent> Codec => EventCodec<TEvent>.Instance;

    protected override AggregateJournal<TEvent> InitialState() => new(ImmutableList<TEvent>.Empty);

    protected override AggregateJournal<TEvent> Apply(AggregateJournal<TEvent> state, EventEnvelope e) =>
        new(state.Events.Add(Codec.Decode(e)));

    /// <summary>Builds the aggregate from its events; null while the stream is empty.</summary>
    protected abstract TAggregate? Rebuild(IReadOnlyList<TEvent> events);

    /// <summary>What the catalogue shows for this stream after a change (lists read it instead of replaying).</summary>
    protected abstract StreamSummary Summarize(TAggregate aggregate, DateTimeOffset now);

    protected TAggregate? Current
    {
        get
        {
            if (_currentVersion != Version)
            {
                _current = Rebuild(State.Events);
                _currentVersion = Version;
            }
            return _current;
        }
    }

    /// <summary>A private copy to run a command on.</summary>
    protected TAggregate? Draft() => Rebuild(State.Events);

    /// <summary>
    /// For pipelined commands: <paramref name="aggregate"/> is the live aggregate the command ran on (no copy: cheap for
    /// a stream of thousands of votes), kept as the state at once; the task completes when the events are durable.
    /// Call it before the method's first await. On failure the grain reloads from the log before its next call.
    /// </summary>
    protected Task CommitPipelinedAsync(TAggregate aggregate, IReadOnlyList<TEvent> events, string actor, DateTimeOffset now)
    {
        if (events.Count == 0) return Task.CompletedTask;
        Task durable;
        try
        {
            durable = RaisePipelinedAsync(events.Select(e => Codec.Encode(e, actor, now)).ToList(), Summarize(aggregate, now));
        }
        catch
        {
            // The command already changed the live aggregate; nothing was queued, so rebuild it from the state.
            _currentVersion = -1;
            throw;
        }
        _current = aggregate;
        _currentVersion = Version;
        return durable;
    }

    protected override void OnReloaded() => _currentVersion = -1;

    protected async Task CommitAsync(TAggregate draft, IReadOnlyList<TEvent> events, string actor, DateTimeOffset now)
    {
        if (events.Count == 0) return;
        var pending = events.Select(e => Codec.Encode(e, actor, now)).ToList();
        await RaiseAsync(pending, Summarize(draft, now));
        _current = draft;
        _currentVersion = Version;
    }
}
