using Orleans.Runtime;
using Orleans.Runtime.Services;
using Orleans.Services;

namespace Deliberation.Web.Grains;

/// <summary>Something that per-node caches may hold has changed: a council (<c>council</c>) or an account (<c>account</c>).</summary>
public sealed record ChangeNotice(string Kind, string Key)
{
    public const string Council = "council";
    public const string Account = "account";
}

/// <summary>A cache on this node that forgets what a notice names.</summary>
public interface IForgetsOnNotice
{
    void Forget(ChangeNotice notice);
}

/// <summary>Runs on every silo and hands each notice to the node's caches.</summary>
public interface IChangeNoticeService : IGrainService
{
    Task ForgetAsync(ChangeNotice notice);
}

/// <summary>Tells every node's caches, and returns once each live node has forgotten (or could not be reached).</summary>
public interface IChangeNotices
{
    Task TellEveryNodeAsync(ChangeNotice notice);
}

public sealed class ChangeNoticeService(GrainId id, Orleans.Runtime.Silo silo, ILoggerFactory loggers, IEnumerable<IForgetsOnNotice> caches)
    : GrainService(id, silo, loggers), IChangeNoticeService
{
    public Task ForgetAsync(ChangeNotice notice)
    {
        foreach (var cache in caches) cache.Forget(notice);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A write that changes what the caches hold is answered only after every active node has dropped it, so the next
/// request anywhere sees the change: a role revoked on one node is refused on the other at once. A node that does not
/// answer within the wait is being lost (the membership declares it dead soon after); its caches go with it.
/// </summary>
public sealed class ChangeNotices(IServiceProvider services, IClusterMembershipService membership, ILocalSiloDetails local,
    IEnumerable<IForgetsOnNotice> caches, ILogger<ChangeNotices> logger) : GrainServiceClient<IChangeNoticeService>(services), IChangeNotices
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    public async Task TellEveryNodeAsync(ChangeNotice notice)
    {
        // This node first, without a message: the writer's own next request must never see the old answer.
        foreach (var cache in caches) cache.Forget(notice);
        var others = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(local.SiloAddress))
            .Select(m => m.SiloAddress).ToList();
        await Task.WhenAll(others.Select(silo => TellAsync(silo, notice)));
    }

    private async Task TellAsync(SiloAddress silo, ChangeNotice notice)
    {
        try
        {
            await GetGrainService(silo).ForgetAsync(notice).WaitAsync(Wait);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException)
        {
            logger.LogWarning("Node {Silo} did not confirm forgetting {Kind} {Key}: {Reason}", silo, notice.Kind, notice.Key, e.Message);
        }
    }
}
