using System.Net;
using System.Net.Sockets;
using Deliberation.Runtime.Clustering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Orleans.Hosting;

public static class DeliberationClusteringExtensions
{
    /// <summary>
    /// Applies the <c>Cluster</c> settings to the silo: localhost clustering by default, Redis membership for several
    /// nodes. The provider is chosen now, from <paramref name="configuration"/> (appsettings, environment); ports, ids
    /// and the Redis connection string are read when the silo starts, so a test host may still change them.
    /// </summary>
    public static ISiloBuilder UseDeliberationClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ClusterSettings.Section);
        var now = section.Get<ClusterSettings>() ?? new ClusterSettings();
        if (now.ProviderProblem() is { } problem)
            throw new OptionsValidationException(ClusterSettings.Section, typeof(ClusterSettings), [problem]);

        silo.Services.AddOptions<ClusterSettings>().Bind(section)
            .Validate(s => s.IsRedis == now.IsRedis, "Cluster:Provider changed after the silo was built.")
            .ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<ClusterSettings>, ClusterSettingsValidator>();
        silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<ClusterSettings>>((endpoint, settings) =>
        {
            endpoint.AdvertisedIPAddress = IPAddress.Parse(settings.Value.AdvertisedAddress);
            // Tests run many apps side by side, and nodes on one machine each need their own port.
            endpoint.SiloPort = settings.Value.SiloPort is > 0 and var port ? port : FreePort();
            endpoint.GatewayPort = settings.Value.GatewayPort;
        });
        silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterSettings>>((cluster, settings) =>
        {
            cluster.ClusterId = settings.Value.ClusterId;
            cluster.ServiceId = settings.Value.ServiceId;
        });

        silo.Services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<ClusterSettings>>((membership, settings) =>
            FailureDetection.Apply(membership, settings.Value));
        silo.Services.AddOptions<SiloMessagingOptions>().Configure<IOptions<ClusterSettings>>((messaging, settings) =>
            messaging.ResponseTimeout = settings.Value.ResponseTimeout);

        if (!now.IsRedis) return silo.UseDevelopmentClustering((IPEndPoint?)null); // this silo is its own primary

        silo.UseRedisClustering(_ => { });
        silo.Services.AddOptions<RedisClusteringOptions>().Configure<IOptions<ClusterSettings>>((redis, settings) =>
            redis.ConfigurationOptions = ConfigurationOptions.Parse(settings.Value.Redis));
        return silo;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
