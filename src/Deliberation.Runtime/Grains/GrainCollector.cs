using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deliberation.Runtime.Grains;

/// <summary>Drops idle activations every <see cref="GrainHostOptions.CollectionInterval"/>, and all of them when the app stops.</summary>
internal sealed class GrainCollector(IGrainHost host, IOptions<GrainHostOptions> options, TimeProvider clock, ILogger<GrainCollector> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await host.CollectIdleAsync().ConfigureAwait(false);
                }
                catch (Exception failure)
                {
                    // A failed pass must not stop the collector (nor, as an unhandled BackgroundService error, the app).
                    logger.LogWarning(failure, "Idle grain collection failed; trying again at the next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await host.DeactivateAllAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
