using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deliberation.Runtime.Projections;

/// <summary>
/// Keeps the projections current in the background on one node of the cluster: the node that holds the lead catches
/// up every projection, then again after each interval; the others only try to take the lead now and then. Readers do
/// not depend on it: a read first catches its projection up (once per event, whichever node applies it).
/// </summary>
public sealed partial class ProjectionService(ProjectionRunner runner, ILogger<ProjectionService> logger) : BackgroundService
{
    /// <summary>How often the leader looks for events written on other nodes.</summary>
    public static TimeSpan LeaderInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often another node asks whether the lead is free.</summary>
    public static TimeSpan FollowerInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this node leads now (tests and diagnostics).</summary>
    public bool IsLeader => _lead is not null;

    private volatile ProjectionLead? _lead;
    private readonly TaskCompletionSource _led = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this node first takes the lead (tests and diagnostics).</summary>
    public Task Led => _led.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await StepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogStepFailed(logger, ex);
                    await LoseLeadAsync().ConfigureAwait(false);
                }
                await Task.Delay(_lead is null ? FollowerInterval : LeaderInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await LoseLeadAsync().ConfigureAwait(false);
        }
    }

    private async Task StepAsync(CancellationToken ct)
    {
        if (_lead is { } held && !await held.IsHeldAsync(ct).ConfigureAwait(false)) await LoseLeadAsync().ConfigureAwait(false);
        if (_lead is null)
        {
            _lead = await runner.TryLeadAsync(ct).ConfigureAwait(false);
            if (_lead is null) return;
            LogLeading(logger);
            _led.TrySetResult();
        }
        await runner.CatchUpAllAsync(ct).ConfigureAwait(false);
    }

    private async Task LoseLeadAsync()
    {
        if (Interlocked.Exchange(ref _lead, null) is { } lead) await lead.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node keeps the projections current")]
    private static partial void LogLeading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching the projections up failed; trying again shortly")]
    private static partial void LogStepFailed(ILogger logger, Exception exception);
}
