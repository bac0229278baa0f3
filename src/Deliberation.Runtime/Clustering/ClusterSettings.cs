using System.Net;
using Microsoft.Extensions.Options;

namespace Deliberation.Runtime.Clustering;

/// <summary>How the app's Orleans silo finds the others (configuration section <c>Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";
    public const string LocalhostProvider = "localhost";
    public const string RedisProvider = "redis";

    /// <summary><c>localhost</c> (the default: one silo, nothing to install) or <c>redis</c> (several app processes on one
    /// PostgreSQL form one cluster; membership lives in Redis).</summary>
    public string Provider { get; set; } = LocalhostProvider;

    /// <summary>A StackExchange.Redis connection string (<c>127.0.0.1:56379</c>); membership and, for SignalR, the
    /// backplane. Required for <c>redis</c>.</summary>
    public string Redis { get; set; } = "";

    /// <summary>Where the other silos reach this one: each node of a cluster needs its own port (on one machine) or
    /// address (on several). 0 (the default): a free port picked when the silo starts; the silo advertises whichever
    /// port it has (in Redis, with <c>redis</c>), so only a firewall between machines needs a fixed one.</summary>
    public int SiloPort { get; set; }

    /// <summary>0: no gateway. The silo runs inside the app, which calls its grains directly; no outside client connects.</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address this silo gives the others; with <c>redis</c> on several machines, the machine's own.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>One cluster of silos: nodes with the same id join each other.</summary>
    public string ClusterId { get; set; } = "deliberation";

    /// <summary>One deployment's durable identity (reminders are kept per service id); unchanged across upgrades.</summary>
    public string ServiceId { get; set; } = "deliberation";

    /// <summary>How long a liveness probe to another silo may go unanswered before it counts as missed; probes go out
    /// about this often. Orleans' default is 5 s, for large clusters across networks; 1 s suits a few nodes on one
    /// network. Lower finds a dead node sooner; too low and a node busy collecting garbage is suspected while alive.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes in a row before this silo votes the other dead (Orleans: 3). Detection takes about
    /// <see cref="ProbeTimeout"/> times this; 1 would declare a node dead on a single lost probe.</summary>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>Votes needed to declare a silo dead (Orleans: 2). Orleans asks no more than half the live silos, so with
    /// two nodes the survivor's own vote is enough; with more, two silos must agree, which guards against one silo's
    /// own network trouble evicting a healthy node.</summary>
    public int VotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a suspicion vote stays valid (Orleans: 2 min). Votes older than this are ignored, so it must
    /// exceed the time the voters take to agree (a few probe rounds).</summary>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a silo reads the membership table (Orleans: 1 min). Gossip tells the others at once; this
    /// reading is the fallback when gossip is lost, at one Redis read per silo per period.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a silo writes its heartbeat to the table (Orleans: 30 s); diagnostic, and what marks a silo
    /// stale for the vote count. Lower costs one Redis write per silo per period.</summary>
    public TimeSpan IAmAlivePublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a grain call waits for its answer (Orleans: 30 s). Calls to a node declared dead fail at once;
    /// this bounds a call whose node died before it was declared dead, or stalls without dying. Shorter frees a phone
    /// sooner, but a call slower than this (a write waiting on a slow database) is answered "unavailable: resend with the
    /// same id" although it may still land; safe for commands with an idempotency key (a vote's client vote id).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsRedis => string.Equals(Provider?.Trim(), RedisProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the provider is one we know; null if so.</summary>
    public string? ProviderProblem() =>
        IsRedis || string.Equals(Provider?.Trim(), LocalhostProvider, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Cluster:Provider must be '{LocalhostProvider}' or '{RedisProvider}', not '{Provider}'.";

    /// <summary>The problem with these settings, or null.</summary>
    public string? Problem()
    {
        if (ProviderProblem() is { } provider) return provider;
        if (IsRedis && string.IsNullOrWhiteSpace(Redis))
            return "Cluster:Provider is 'redis' but Cluster:Redis (the Redis connection string) is empty.";
        if (SiloPort is < 0 or > 65535) return $"Cluster:SiloPort must be 0 (a free port) or a TCP port, not {SiloPort}.";
        if (GatewayPort is < 0 or > 65535) return $"Cluster:GatewayPort must be 0 (none) or a TCP port, not {GatewayPort}.";
        if (!IPAddress.TryParse(AdvertisedAddress, out _)) return $"Cluster:AdvertisedAddress must be an IP address, not '{AdvertisedAddress}'.";
        if (ProbeTimeout <= TimeSpan.Zero || ResponseTimeout <= TimeSpan.Zero || TableRefreshTimeout <= TimeSpan.Zero
            || IAmAlivePublishTimeout <= TimeSpan.Zero || DeathVoteExpiration <= TimeSpan.Zero)
            return "Cluster:ProbeTimeout, ResponseTimeout, TableRefreshTimeout, IAmAlivePublishTimeout and DeathVoteExpiration must be positive.";
        if (MissedProbesLimit < 1 || VotesForDeathDeclaration < 1)
            return "Cluster:MissedProbesLimit and Cluster:VotesForDeathDeclaration must be at least 1.";
        if (DeathVoteExpiration <= ProbeTimeout * MissedProbesLimit)
            return "Cluster:DeathVoteExpiration must exceed ProbeTimeout times MissedProbesLimit, or votes expire before a silo can be declared dead.";
        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId)) return "Cluster:ClusterId and Cluster:ServiceId must not be empty.";
        return null;
    }
}

/// <summary>Refuses to start a silo on settings that cannot work, saying which setting is wrong.</summary>
internal sealed class ClusterSettingsValidator : IValidateOptions<ClusterSettings>
{
    public ValidateOptionsResult Validate(string? name, ClusterSettings options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
