using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// A projection over the streams of one category whose rows need each stream's whole history (an item's step): it folds
/// each stream as its grain does (<see cref="StreamStates{TState}"/>) and writes each stream's last state in a batch
/// once, so a rebuild writes a row per stream, not per event. Its <paramref name="name"/> keys its checkpoint and its rebuild.
/// </summary>
public abstract class FoldedCategoryProjection<TState>(string name, string category, Func<TState?, EventEnvelope, TState> fold) : IProjection
    where TState : class
{
    private readonly string _prefix = category + "-";
    private readonly StreamStates<TState> _streams = new(fold);

    public string Name => name;

    public abstract IReadOnlyList<string> Schema { get; }

    public abstract IReadOnlyList<string> Tables { get; }

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var latest = new Dictionary<string, (TState State, EventEnvelope Last)>(StringComparer.Ordinal);
        foreach (var (_, e) in events)
        {
            if (!e.StreamId.StartsWith(_prefix, StringComparison.Ordinal)) continue;
            latest[e.StreamId] = (await _streams.AdvanceAsync(e, context), e);
        }
        foreach (var (state, last) in latest.Values) await WriteAsync(state, last, context);
    }

    public void Forget() => _streams.Clear();

    /// <summary>Writes a stream's rows as of its state after <paramref name="last"/>, its last event in the batch.</summary>
    protected abstract Task WriteAsync(TState state, EventEnvelope last, ProjectionContext context);
}
