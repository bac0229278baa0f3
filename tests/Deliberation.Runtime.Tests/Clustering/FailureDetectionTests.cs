using Deliberation.Runtime.Clustering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Deliberation.Runtime.Tests.Clustering;

/// <summary>The silo finds a dead node in about a probe timeout times the missed probes, as the Cluster settings say.</summary>
public sealed class FailureDetectionTests
{
    [Fact]
    public void TheSiloProbesAsTheClusterSettingsSay()
    {
        using var host = ClusterNode.Build(new Dictionary<string, string?>
        {
            ["Cluster:ProbeTimeout"] = "00:00:02", ["Cluster:MissedProbesLimit"] = "3", ["Cluster:ResponseTimeout"] = "00:00:07",
        });

        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        var messaging = host.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 3), (membership.ProbeTimeout, membership.MinProbeTimeout, membership.NumMissedProbesLimit));
        Assert.Equal(TimeSpan.FromSeconds(7), messaging.ResponseTimeout);
    }

    [Fact]
    public void DefaultsFindADeadNodeWithinThreeSecondsOfProbing()
    {
        var settings = new ClusterSettings();

        Assert.True(settings.ProbeTimeout * settings.MissedProbesLimit <= TimeSpan.FromSeconds(3));
        Assert.Null(settings.Problem());
    }

    [Fact]
    public void RefusesVotesThatExpireBeforeANodeCanBeDeclaredDead()
    {
        var settings = new ClusterSettings { ProbeTimeout = TimeSpan.FromSeconds(10), MissedProbesLimit = 3, DeathVoteExpiration = TimeSpan.FromSeconds(20) };

        Assert.Contains("Cluster:DeathVoteExpiration must exceed", settings.Problem());
    }
}
