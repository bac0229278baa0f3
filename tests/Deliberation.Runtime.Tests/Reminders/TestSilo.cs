using System.Net;
using System.Net.Sockets;
using Deliberation.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;

namespace Deliberation.Runtime.Tests.Reminders;

/// <summary>
/// A real Orleans silo (localhost clustering on free ports) whose reminders live in the test's database and run on a
/// fake clock. Only the reminder service and grain timers get the fake clock (their keyed <see cref="TimeProvider"/>s);
/// membership, messaging and the silo's own maintenance keep real time.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host, FakeTimeProvider clock, ReminderSignals signals)
    {
        _host = host;
        Clock = clock;
        Signals = signals;
    }

    public FakeTimeProvider Clock { get; }
    public ReminderSignals Signals { get; }
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<TestSilo> StartAsync(TestStorage storage, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        var signals = new ReminderSignals();
        var host = new HostBuilder()
            .UseOrleans(silo => silo
                .UseLocalhostClustering(FreePort(), FreePort(), serviceId: "deliberation-tests", clusterId: "reminder-tests")
                .UseDeliberationReminders(storage.Options)
                // Every reminder of a test is armed at once (the default holds only the next ten minutes' in memory, the
                // rest waits for a table refresh), and no refresh comes in between to re-arm it.
                .Configure<ReminderOptions>(options =>
                {
                    options.RefreshReminderListPeriod = TimeSpan.FromDays(30);
                    options.ReminderLoadingWindow = TimeSpan.FromDays(60);
                }))
            .ConfigureServices(services => services
                .AddSingleton(signals)
                .AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock)
                .AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Build();
        await host.StartAsync();
        return new TestSilo(host, clock, signals);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
