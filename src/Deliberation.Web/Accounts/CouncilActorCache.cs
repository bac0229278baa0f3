using System.Collections.Concurrent;
using Deliberation.Domain.Councils;
using Deliberation.Web.Councils;
using Deliberation.Web.Grains;
using Orleans;

namespace Deliberation.Web.Accounts;

/// <summary>
/// Each node remembers who holds which role in each council, so the access check of a council's requests does not
/// queue on the council's one activation: a hit makes no grain call, a miss one. The council grain tells every node to
/// forget a council before it answers any change to it (<see cref="IChangeNotices"/>), so a revoked role is refused
/// on the next request, on any node. An entry lasts a minute at most, which bounds what a node that missed a notice
/// may still believe. Bounded: past its capacity it starts afresh.
/// </summary>
public sealed class CouncilActorCache(IGrainFactory grains, TimeProvider clock) : IForgetsOnNotice
{
    internal const int Capacity = 100_000;
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Council, string User), (Actor Actor, DateTimeOffset Expires)> _actors = new();
    private long _changes;

    public async Task<Actor> GetAsync(string councilId, string userId)
    {
        if (_actors.TryGetValue((councilId, userId), out var known) && known.Expires > clock.GetUtcNow()) return known.Actor;
        var before = Interlocked.Read(ref _changes);
        var actor = await grains.GetGrain<ICouncilGrain>(councilId).GetActorAsync(userId);
        if (_actors.Count >= Capacity) _actors.Clear();
        _actors[(councilId, userId)] = (actor, clock.GetUtcNow() + Lifetime);
        // A change that was told while the grain answered may not be in this answer.
        if (Interlocked.Read(ref _changes) != before) _actors.TryRemove((councilId, userId), out _);
        return actor;
    }

    public void Forget(ChangeNotice notice)
    {
        if (notice.Kind != ChangeNotice.Council) return;
        Interlocked.Increment(ref _changes);
        foreach (var key in _actors.Keys)
            if (key.Council == notice.Key) _actors.TryRemove(key, out _);
    }
}
