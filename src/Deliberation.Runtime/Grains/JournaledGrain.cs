using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Grains;

/// <summary>
/// A grain whose state is the fold of its event stream (like Orleans' JournaledGrain). State changes only after the
/// events are durable; when a write fails, the grain reloads from the log so it never runs ahead of storage.
/// </summary>
public abstract class JournaledGrain<TState>(IEventLog log) : Grain where TState : class
{
    private readonly List<EventEnvelope> _log = [];
    private bool _stale = true;

    protected abstract string StreamId { get; }

    protected TState State { get; private set; } = default!;

    /// <summary>The sequence of the last event folded into <see cref="State"/>; 0 for an empty stream.</summary>
    protected long Version { get; private set; }

    protected IReadOnlyList<EventEnvelope> Log => _log;

    protected abstract TState InitialState();

    protected abstract TState Apply(TState state, EventEnvelope e);

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await RefreshAsync(ct);
        await base.OnActivateAsync(ct);
    }

    protected internal override Task BeforeCallAsync() => _stale ? RefreshAsync() : Task.CompletedTask;

    /// <summary>Rebuilds the state from the whole stream.</summary>
    protected async Task RefreshAsync(CancellationToken ct = default)
    {
        _stale = true;
        var events = await log.ReadStreamAsync(StreamId, 0, ct);
        var state = InitialState();
        foreach (var e in events) state = Apply(state, e);
        _log.Clear();
        _log.AddRange(events);
        State = state;
        Version = events.Count == 0 ? 0 : events[^1].Sequence;
        _stale = false;
    }

    protected async Task<IReadOnlyList<EventEnvelope>> RaiseAsync(IReadOnlyList<PendingEvent> events, StreamSummary? summary)
    {
        IReadOnlyList<EventEnvelope> stored;
        try
        {
            stored = await log.AppendAsync(new StreamAppend(StreamId, Version, events, summary));
        }
        catch
        {
            // Another process may have written (a version conflict), or the write failed: catch up before the next call.
            _stale = true;
            try { await RefreshAsync(); } catch (Exception) { /* retried by BeforeCallAsync on the next call */ }
            throw;
        }
        var state = State;
        foreach (var e in stored) state = Apply(state, e);
        State = state;
        _log.AddRange(stored);
        Version = stored[^1].Sequence;
        return stored;
    }
}
