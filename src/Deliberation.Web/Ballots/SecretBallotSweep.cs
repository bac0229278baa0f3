using Deliberation.Runtime.SecretBallots;
using Orleans;

namespace Deliberation.Web.Ballots;

/// <summary>
/// At start, once the silo runs: every ballot that still has a key kept is asked to tidy up, so a closed secret
/// ballot whose closing was cut short (after its list was durable, before its key was destroyed) destroys it now,
/// not whenever someone next touches the ballot. An open ballot keeps its key. One pass, retried each minute until it goes through.
/// </summary>
public sealed class SecretBallotSweep(ISecretBallotVault vault, IGrainFactory grains, ILogger<SecretBallotSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var ballotId in await vault.BallotsWithKeysAsync(stoppingToken))
                    await grains.GetGrain<IBallotGrain>(ballotId).TidySecretsAsync().WaitAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                logger.LogWarning(e, "Secret ballots' keys could not be swept at start; trying again in a minute.");
            }
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }
}
