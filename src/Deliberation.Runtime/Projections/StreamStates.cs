using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Projections;

/// <summary>
/// The state of each stream as of the last event a projection applied, folded one event at a time, for a projection
/// whose rows depend on a stream's whole history (an item's step, a ballot's status). A stream it does not hold at the
/// event just before is read from the log up to the event and folded from its start, so the result is the same
/// whether the projection is built live, rebuilt from zero, or another node applied the events in between.
/// </summary>
/// <param name="fold">Folds one event into the state (null before the stream's first); may change the state in place.</param>
/// <param name="capacity">Streams held at most; beyond it the memory is emptied and streams are read again.</param>
public sealed class StreamStates<TState>(Func<TState?, EventEnvelope, TState> fold, int capacity = 20_000) where TState : class
{
    private readonly Dictionary<string, (long Sequence, TState State)> _held = new(StringComparer.Ordinal);

    /// <summary>The stream's state once <paramref name="e"/> is folded in.</summary>
    public async Task<TState> AdvanceAsync(EventEnvelope e, ProjectionContext context)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(context);
        TState state;
        if (_held.TryGetValue(e.StreamId, out var held) && held.Sequence == e.Sequence - 1)
        {
            state = fold(held.State, e);
        }
        else
        {
            state = null!;
            foreach (var earlier in await context.ReadStreamAsync(e.StreamId, e.Sequence).ConfigureAwait(false))
                state = fold(state, earlier);
        }
        if (_held.Count >= capacity && !_held.ContainsKey(e.StreamId)) _held.Clear();
        _held[e.StreamId] = (e.Sequence, state);
        return state;
    }

    /// <summary>Empties the memory (after a rollback: the states may hold events that were never applied).</summary>
    public void Clear() => _held.Clear();
}
