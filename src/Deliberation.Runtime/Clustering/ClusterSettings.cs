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
