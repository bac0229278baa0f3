using Deliberation.Runtime.Projections;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// A projection over the streams of one category, event by event (<see cref="CategoryReader{TEvent}"/>); every other
/// stream's events pass it by. Its <paramref name="name"/> keys its checkpoint and its rebuild.
/// </summary>
public abstract class CategoryProjection<TEvent>(string name, string category) : CategoryReader<TEvent>(category), IProjection
    where TEvent : class
{
    public string Name => name;

    public abstract IReadOnlyList<string> Schema { get; }

    public abstract IReadOnlyList<string> Tables { get; }

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var logged in events)
            if (Holds(logged.Event.StreamId)) await ApplyAsync(logged, context);
    }

    public virtual void Forget() { }
}
