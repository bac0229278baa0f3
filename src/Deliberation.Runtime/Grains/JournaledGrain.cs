using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Grains;

/// <summary>
/// A grain whose state is the fold of its event stream (like Orleans' JournaledGrain). State changes only after the
/// events are durable (pipelined calls fold theirs in provisionally, see <see cref="RaisePipelinedAsync"/>); when a
/// write fails, the grain reloads from the log so it never runs ahead of storage.
/// Several app processes may hold an activation of the same stream, so by default each call first folds in whatever
/// another process appended since (one indexed read, shared by the calls queued meanwhile): a call never sees an older
/// state than the database held when it was made.
/// </summary>
public abstract class JournaledGrain<TState>(IEventLog log) : Grain where TState : class
{
    private readonly List<EventEnvelope> _log = [];
    private bool _stale = true;
    private long _lastReadStartedAt = long.MinValue;

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

    /// <summary>
    /// Whether each call first reads what other processes appended. A grain that owns its stream exclusively (by a
    /// lease, as a hot ballot will) may turn this off and rely on the version check at append time alone.
    /// </summary>
    protected virtual bool CatchUpBeforeEachCall => true;

    /// <summary>A pipelined call skips the catch-up read (it would serialise the calls on I/O): its append is chained on
    /// the version this activation holds, so if another process wrote meanwhile the append fails and the grain reloads.</summary>
    protected internal override Task BeforePipelinedCallAsync() =>
        Volatile.Read(ref _stale) ? RefreshAsync() : Task.CompletedTask;

    /// <summary>
    /// A read of the log that began after the call arrived already shows everything written before it, so calls that
    /// queued behind one another share one catch-up read (and the first call after activation needs none).
    /// </summary>
    protected internal override async Task BeforeCallAsync(long arrivedAt)
    {
        if (Volatile.Read(ref _stale)) await RefreshAsync();
        else if (CatchUpBeforeEachCall && _lastReadStartedAt <= arrivedAt) await CatchUpAsync();
    }

    /// <summary>Folds in the events appended after <see cref="Version"/> (by this or any other process).</summary>
    protected async Task CatchUpAsync(CancellationToken ct = default)
    {
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var newer = await log.ReadStreamAsync(StreamId, Version, ct);
        _lastReadStartedAt = startedAt;
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
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var events = await log.ReadStreamAsync(StreamId, 0, ct);
        var state = InitialState();
        foreach (var e in events) state = Apply(state, e);
        _log.Clear();
        _log.AddRange(events);
        State = state;
        Version = events.Count == 0 ? 0 : events[^1].Sequence;
        _lastReadStartedAt = startedAt;
        _stale = false;
        OnReloaded();
    }

    /// <summary>Called when the state has been rebuilt from the log (after activation or a failed write).</summary>
    protected virtual void OnReloaded() { }

    /// <summary>
    /// For <see cref="PipelinedAttribute"/> methods, in their synchronous part: queues the append (chained after any still
    /// in flight) and folds the events into the state at once, provisionally (their hashes are not known yet); the task
    /// completes when they are durable. If the append fails, the grain reloads from the log before its next call, and
    /// every append chained after it fails too (its expected version is then wrong), so nothing is half kept.
    /// </summary>
    protected Task RaisePipelinedAsync(IReadOnlyList<PendingEvent> events, StreamSummary? summary)
    {
        if (events.Count == 0) return Task.CompletedTask;
        var expected = Version;
        var state = State;
        var provisional = new EventEnvelope[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            provisional[i] = new EventEnvelope(StreamId, expected + i + 1, e.EventType, e.Actor, e.OccurredAt, e.Payload, "", "");
            state = Apply(state, provisional[i]);
        }
        // Queued only once the new state is known, and the state changed only once queued: a throw leaves nothing.
        var append = log.AppendAsync(new StreamAppend(StreamId, expected, events, summary));
        State = state;
        _log.AddRange(provisional);
        Version = expected + events.Count;
        return DurableAsync(append);
    }

    private async Task DurableAsync(Task<IReadOnlyList<EventEnvelope>> append)
    {
        try
        {
            await append.ConfigureAwait(false);
        }
        catch
        {
            // Runs outside the turn: only mark the state for reloading; the next call does it, in its turn.
            Volatile.Write(ref _stale, true);
            throw;
        }
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
