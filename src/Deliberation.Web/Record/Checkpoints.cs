using Deliberation.Runtime.EventLog;
using Deliberation.Web.Councils;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.Record;

/// <summary>
/// Checkpoints of every council's public record: at every start and once a day, on this grain's own reminder, so one
/// node writes them at a time however many there are (one activation in the cluster, key <see cref="Key"/>).
/// </summary>
public interface ICheckpointsGrain : IGrainWithStringKey
{
    /// <summary>A checkpoint for every council; also makes sure the daily one is scheduled.</summary>
    Task CheckpointEveryCouncilAsync();
}

public sealed class CheckpointsGrain(IEventLog log, ILogger<CheckpointsGrain> logger) : Grain, ICheckpointsGrain, IRemindable
{
    public const string Key = "cluster";
    private const string Reminder = "record-checkpoints";
    private static readonly TimeSpan Period = TimeSpan.FromDays(1);

    public async Task CheckpointEveryCouncilAsync()
    {
        if (await this.GetReminder(Reminder) is null) await this.RegisterOrUpdateReminder(Reminder, Period, Period);
        await PassAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == Reminder ? PassAsync() : Task.CompletedTask;

    private async Task PassAsync()
    {
        var prefix = CouncilGrain.Category + "-";
        foreach (var council in await log.ListStreamsAsync(CouncilGrain.Category))
        {
            if (!council.StreamId.StartsWith(prefix, StringComparison.Ordinal)) continue;
            try
            {
                await GrainFactory.GetGrain<ICheckpointGrain>(council.StreamId[prefix.Length..]).CheckpointAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One council that cannot be checkpointed now must not hold up the others; tomorrow's pass tries again.
                logger.LogWarning(e, "No checkpoint of {Council}'s public record could be written.", council.StreamId);
            }
        }
    }
}

/// <summary>
/// The checkpoint at start, once the startup work (the demo council) is done: tried before the app takes requests, so
/// a fresh site has one; if it cannot be written then, tried again each minute in the background until it is.
/// </summary>
public sealed class CheckpointsAtStart(IGrainFactory grains, ILogger<CheckpointsAtStart> logger) : BackgroundService
{
    private bool _done;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _done = await TryAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_done && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            _done = await TryAsync(stoppingToken);
        }
    }

    private async Task<bool> TryAsync(CancellationToken ct)
    {
        try
        {
            await grains.GetGrain<ICheckpointsGrain>(CheckpointsGrain.Key).CheckpointEveryCouncilAsync()
                .WaitAsync(TimeSpan.FromSeconds(30), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogWarning(e, "The public record could not be checkpointed at start; trying again in a minute.");
            return false;
        }
    }
}
