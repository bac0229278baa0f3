using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Grains;

/// <summary>
/// A grain whose state is the fold of its event stream (like Orleans' JournaledGrain). State changes only after the
/// events are durable; when a write fails, the grain reloads from the log so it never runs ahead of storage.
/// Several app processes may hold an activation of the same stream, so by default each call first folds in whatever
/// another process appended since (one indexed read): a reader never sees an older state than the database holds.
/// </summary>
public abstract class JournaledGrain<TState>(IEventLog log) : Grain where TState : class
{
    private readonly List<EventEnvelope> _log = [];
    private bool _stale = true;
    private bool _justLoaded;

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
        _justLoaded = true; // the first call follows at once: no need to read again
        await base.OnActivateAsync(ct);
    }

    /// <summary>
    /// Whether each call first reads what other processes appended. A grain that owns its stream exclusively (by a
    /// lease, as a hot ballot will) may turn this off and rely on the version check at append time alone.
    /// </summary>
    protected virtual bool CatchUpBeforeEachCall => true;

    protected internal override async Task BeforeCallAsync()
    {
        if (_stale) await RefreshAsync();
        else if (_justLoaded) _justLoaded = false;
        else if (CatchUpBeforeEachCall) await CatchUpAsync();
    }

    /// <summary>Folds in the events appended after <see cref="Version"/> (by this or any other process).</summary>
    protected async Task CatchUpAsync(CancellationToken ct = default)
    {
        var newer = await log.ReadStreamAsync(StreamId, Version, ct);
        if (newer.Count == 0) return;
        var state = State;
        foreach (var e in newer) state = Apply(state, e);
        State = state;
        _log.AddRange(newer);
        Version = newer[^1].Sequence;
    }

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
