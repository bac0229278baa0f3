using Deliberation.Web.Ballots;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// Two app nodes on one PostgreSQL database and one Redis, as production runs them behind a proxy: one Orleans cluster
/// (membership in Redis), hub pushes through the Redis backplane. Node A seeds the demo council; B starts on it.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    public const string RedisVariable = "DELIBERATION_TEST_REDIS";

    private readonly PostgresDatabase _database;

    private TwoNodes(PostgresDatabase database, CouncilApp a, CouncilApp b) => (_database, A, B) = (database, a, b);

    public CouncilApp A { get; }
    public CouncilApp B { get; }

    /// <summary>Nodes stopped by the test (disposed: a graceful stop, not a kill).</summary>
    public HashSet<CouncilApp> Stopped { get; } = [];

    public static async Task<TwoNodes> StartAsync()
    {
        var database = await PostgresDatabase.CreateAsync();
        // A cluster of its own for each test: tests run side by side on one Redis.
        var cluster = "two-nodes-" + Guid.NewGuid().ToString("n");
        Dictionary<string, string?> Settings() => ClusterSettings(cluster);
        var a = new CouncilApp(settings: Settings()).UsePostgres(database.ConnectionString);
        _ = a.Services; // started (and the demo seeded) before B opens the same database
        var b = new CouncilApp(seedDemo: false, settings: Settings()).UsePostgres(database.ConnectionString);
        _ = b.Services;
        var nodes = new TwoNodes(database, a, b);
        await nodes.SeeEachOtherAsync(a);
        await nodes.SeeEachOtherAsync(b);
        return nodes;
    }

    /// <summary>The settings of a node of the given cluster (membership in the test Redis).</summary>
    public static Dictionary<string, string?> ClusterSettings(string cluster) => new()
    {
        ["Cluster:Provider"] = "redis",
        ["Cluster:Redis"] = Environment.GetEnvironmentVariable(RedisVariable),
        ["Cluster:ClusterId"] = cluster,
        ["Cluster:ServiceId"] = cluster,
    };

    public static SiloAddress SiloOf(CouncilApp node) => node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Where the cluster has the grain's activation, as the given node's silo knows it.</summary>
    public static async Task<SiloAddress?> ActivationOfAsync(CouncilApp node, Func<IGrainFactory, IAddressable> grain)
    {
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        return await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain(grains));
    }

    public static Task<SiloAddress?> ActivationOfBallotAsync(CouncilApp node, string ballotId) =>
        ActivationOfAsync(node, grains => grains.GetGrain<IBallotGrain>(ballotId));

    /// <summary>The node that holds the grain's activation, and the other one.</summary>
    public async Task<(CouncilApp Home, CouncilApp Other)> ByGrainAsync(Func<IGrainFactory, IAddressable> grain)
    {
        var home = await ActivationOfAsync(A, grain) ?? throw new InvalidOperationException("The grain has no activation.");
        return home.Equals(SiloOf(A)) ? (A, B) : (B, A);
    }

    public Task<(CouncilApp Home, CouncilApp Other)> ByBallotAsync(string ballotId) =>
        ByGrainAsync(grains => grains.GetGrain<IBallotGrain>(ballotId));

    private async Task SeeEachOtherAsync(CouncilApp node)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var membership = node.Services.GetRequiredService<IClusterMembershipService>();
        bool BothActive(ClusterMembershipSnapshot snapshot) =>
            new[] { SiloOf(A), SiloOf(B) }.All(silo => snapshot.GetSiloStatus(silo) == SiloStatus.Active);
        if (BothActive(membership.CurrentSnapshot)) return;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancel.Token))
            if (BothActive(snapshot)) return;
    }

    public async Task StopAsync(CouncilApp node)
    {
        Stopped.Add(node);
        await node.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { A, B }.Where(n => !Stopped.Contains(n))) await node.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Needs PostgreSQL and Redis: reported as skipped, never as passed, when either is missing.</summary>
public sealed class TwoNodesFactAttribute : FactAttribute
{
    public TwoNodesFactAttribute()
    {
        var missing = new[] { PostgresFactAttribute.Variable, TwoNodes.RedisVariable }
            .Where(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))).ToList();
        if (missing.Count > 0)
            Skip = $"{string.Join(" and ", missing)} not set (scripts/test.sh sets them): the two-node cluster cases did not run.";
    }
}
