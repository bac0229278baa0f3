using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Deliberation.Runtime.Grains;

/// <summary>Drops idle activations now and then, and all of them when the app stops.</summary>
internal sealed class GrainCollector(IGrainHost host, IOptions<GrainHostOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await host.CollectIdleAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await host.DeactivateAllAsync();
    }
}
