using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// What the read side takes from the streams of one category (<c>{category}-{key}</c>): their events, one at a time in
/// log order, each with its stream's key. A projection over one category is one (<see cref="CategoryProjection{TEvent}"/>),
/// and so is each part of a projection that reads several (the notices' kinds).
/// </summary>
public abstract class CategoryReader(string category)
{
    private readonly string _prefix = category + "-";

    /// <summary>Whether the stream is one of the category's.</summary>
    public bool Holds(string streamId) => streamId.StartsWith(_prefix, StringComparison.Ordinal);

    /// <summary>Applies an event of one of the category's streams through <paramref name="context"/>'s transaction.</summary>
    public abstract Task ApplyAsync(LoggedEvent logged, ProjectionContext context);

    protected string KeyOf(string streamId) => streamId[_prefix.Length..];
}

/// <summary>A <see cref="CategoryReader"/> that takes each event decoded as <typeparamref name="TEvent"/>.</summary>
public abstract class CategoryReader<TEvent>(string category) : CategoryReader(category) where TEvent : class
{
    public sealed override Task ApplyAsync(LoggedEvent logged, ProjectionContext context) =>
        Reads(logged.Event.EventType)
            ? ApplyAsync(KeyOf(logged.Event.StreamId), EventCodec<TEvent>.Instance.Decode(logged.Event), logged, context)
            : Task.CompletedTask;

    /// <summary>Whether events of this type matter to it (all do, unless it says otherwise); the others are never decoded.</summary>
    protected virtual bool Reads(string eventType) => true;

    /// <summary>Applies one event, <paramref name="e"/> decoded, of the stream whose key is <paramref name="key"/>.</summary>
    protected abstract Task ApplyAsync(string key, TEvent e, LoggedEvent logged, ProjectionContext context);
}
