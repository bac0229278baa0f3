using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Deliberation.Runtime.Tests.Clustering;

/// <summary>One silo configured the way the app configures its own: from <c>Cluster</c> settings.</summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private ClusterNode(IHost host) => Host = host;

    public IHost Host { get; }
    public IClusterMembershipService Membership => Host.Services.GetRequiredService<IClusterMembershipService>();
    public SiloAddress Address => Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static IHost Build(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new HostBuilder()
            .ConfigureHostConfiguration(config => config.AddConfiguration(configuration))
            .UseOrleans(silo => silo.UseDeliberationClustering(configuration))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Build();
    }

    public static async Task<ClusterNode> StartAsync(IDictionary<string, string?> settings)
    {
        var host = Build(settings);
        await host.StartAsync();
        return new ClusterNode(host);
    }

    /// <summary>Waits until this node sees <paramref name="count"/> active silos.</summary>
    public async Task SeesActiveSilosAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        if (Membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == count) return;
        await foreach (var snapshot in Membership.MembershipUpdates.WithCancellation(cancel.Token))
            if (snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == count) return;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
