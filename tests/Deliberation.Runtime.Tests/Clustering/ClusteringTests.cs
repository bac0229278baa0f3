using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Deliberation.Runtime.Tests.Clustering;

/// <summary>The <c>Cluster</c> settings decide how the app's silo finds the others.</summary>
public sealed class ClusteringTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ByDefaultOneSiloRunsAloneOnTheConfiguredPort()
    {
        var port = ClusterNode.FreePort();
        await using var node = await ClusterNode.StartAsync(new Dictionary<string, string?> { ["Cluster:SiloPort"] = port.ToString() });

        await node.SeesActiveSilosAsync(1, Timeout);

        Assert.Equal(port, node.Address.Endpoint.Port);
        var cluster = node.Host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("deliberation", "deliberation"), (cluster.ClusterId, cluster.ServiceId));
    }

    [Fact]
    public void RefusesAProviderItDoesNotKnowAndSaysWhichSetting()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => ClusterNode.Build(new Dictionary<string, string?> { ["Cluster:Provider"] = "zookeeper" }));

        Assert.Contains("Cluster:Provider must be 'localhost' or 'redis', not 'zookeeper'", refused.Message);
    }

    [Fact]
    public async Task RefusesToStartOnRedisWithoutAConnectionString()
    {
        using var host = ClusterNode.Build(new Dictionary<string, string?> { ["Cluster:Provider"] = "redis", ["Cluster:SiloPort"] = ClusterNode.FreePort().ToString() });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cluster:Redis (the Redis connection string) is empty", refused.Message);
    }

    [RedisFact]
    public async Task TwoAppProcessesOnOneRedisFormOneCluster()
    {
        var clusterId = "test-" + Guid.NewGuid().ToString("n");
        Dictionary<string, string?> Node() => new()
        {
            ["Cluster:Provider"] = "redis",
            ["Cluster:Redis"] = TestRedis.ConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:SiloPort"] = ClusterNode.FreePort().ToString(),
        };
        await using var first = await ClusterNode.StartAsync(Node());
        await using var second = await ClusterNode.StartAsync(Node());

        await first.SeesActiveSilosAsync(2, Timeout);
        await second.SeesActiveSilosAsync(2, Timeout);

        var members = first.Membership.CurrentSnapshot.Members;
        Assert.Contains(second.Address, members.Keys);
        Assert.Contains(first.Address, second.Membership.CurrentSnapshot.Members.Keys);
    }
}
