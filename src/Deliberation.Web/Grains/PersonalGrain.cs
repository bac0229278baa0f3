using Deliberation.Domain;
using Deliberation.Domain.Councils;

namespace Deliberation.Web.Grains;

/// <summary>
/// A grain of one person's own stream, keyed by their user id (what they follow, what they have read): only they change
/// it, it belongs to no council (the catalogue's scope is empty), and it comes into being with their first change.
/// </summary>
/// <param name="empty">The aggregate before the stream's first event.</param>
/// <param name="apply">Folds one event into the aggregate, in place.</param>
public abstract class PersonalGrain<TAggregate, TEvent>(string category, Func<TAggregate> empty, Action<TAggregate, TEvent> apply,
    TimeProvider clock) : AggregateGrain<TAggregate, TEvent>(category)
    where TAggregate : class
    where TEvent : class
{
    protected sealed override TAggregate Fold(TAggregate? aggregate, TEvent e)
    {
        aggregate ??= empty();
        apply(aggregate, e);
        return aggregate;
    }

    protected sealed override string ScopeOf(TAggregate aggregate) => "";

    /// <summary>Refuses anyone but the person themself, with <paramref name="refusal"/> saying what only they may do.</summary>
    protected void RequireOwner(Actor by, Domain.RefusalText refusal)
    {
        if (by.UserId != Key) throw new NotPermitted(refusal);
    }

    /// <summary>
    /// Decides on the person's aggregate (an empty one before their first change) and commits what it decided, the
    /// request id (idempotency key) on its first event; returns the aggregate as it now stands.
    /// </summary>
    protected async Task<TAggregate> ChangeAsync(Actor by, Func<TAggregate, IReadOnlyList<TEvent>> decide, string? requestId = null)
    {
        var aggregate = Current ?? empty();
        var events = decide(aggregate);
        if (events.Count == 0) return aggregate;
        if (Current is null) await CommitNewAsync(aggregate, events, by.UserId, clock.GetUtcNow(), requestId);
        else await CommitAsync(events, by.UserId, clock.GetUtcNow(), requestId);
        return aggregate;
    }
}
