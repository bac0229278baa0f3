using Orleans.Configuration;

namespace Deliberation.Runtime.Clustering;

/// <summary>
/// How fast a silo finds another one dead: Orleans' defaults suit large clusters across networks and took 12-14 s to
/// declare a killed node dead; a few nodes on one network can afford probes every second (docs/operations.md).
/// </summary>
public static class FailureDetection
{
    public static void Apply(ClusterMembershipOptions membership, ClusterSettings settings)
    {
        membership.ProbeTimeout = settings.ProbeTimeout;
        // Orleans adapts the probe timeout between these bounds; keep it near the chosen one, with room to stretch
        // while the local silo is itself degraded (a long pause must not make it vote a healthy node dead).
        membership.MinProbeTimeout = settings.ProbeTimeout;
        membership.MaxProbeTimeout = settings.ProbeTimeout * 4;
        membership.NumMissedProbesLimit = settings.MissedProbesLimit;
        membership.NumVotesForDeathDeclaration = settings.VotesForDeathDeclaration;
        membership.DeathVoteExpirationTimeout = settings.DeathVoteExpiration;
        membership.TableRefreshTimeout = settings.TableRefreshTimeout;
        membership.IAmAliveTablePublishTimeout = settings.IAmAlivePublishTimeout;
    }
}
