using Deliberation.Runtime.Clustering;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

public static class SignalRBackplaneExtensions
{
    /// <summary>The channel prefix of our hub messages in Redis, so other apps on the same Redis do not hear them.</summary>
    public const string ChannelPrefix = "deliberation";

    /// <summary>
    /// With <c>Cluster:Provider</c> = <c>redis</c>, hub messages go through Redis, so a push sent on one node reaches
    /// screens connected to any node. With one silo (the default) nothing changes.
    /// </summary>
    public static ISignalRServerBuilder AddDeliberationBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(signalR);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        if (!settings.IsRedis) return signalR;
        if (string.IsNullOrWhiteSpace(settings.Redis))
            throw new InvalidOperationException("Cluster:Provider is 'redis' but Cluster:Redis (the Redis connection string) is empty.");
        return signalR.AddStackExchangeRedis(settings.Redis, options =>
            options.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix));
    }
}
