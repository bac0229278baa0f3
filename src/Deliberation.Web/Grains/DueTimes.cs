using System.Diagnostics;
using Deliberation.Runtime.EventLog;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.Grains;

/// <summary>
/// Things that happen on their own, reconciled: at every start, and every <see cref="Period"/> after, every stream that
/// falls due (the log's <c>dues</c> table, read by due time through its index) and has no reminder row gets its grain
/// woken, which acts on what is due or sets its reminder. One activation in the cluster (key <see cref="Key"/>), woken
/// by its own reminder, so a pass runs on one node at a time however many there are. The first pass on a database
/// written before the <c>dues</c> table fills it once (DueTimes.Backfill.cs).
/// </summary>
public interface IDueTimesGrain : IGrainWithStringKey
{
    /// <summary>One pass over every due time; also makes sure the periodic pass is scheduled.</summary>
    // Longer than a command's time limit: a pass, and the one-time fill of an older database, wake many grains in turn.
    [ResponseTimeout("00:30:00")]
    Task ReconcileAsync();
}

public sealed partial class DueTimesGrain(IEventLog log, IReminderTable reminders, IEnumerable<DueKind> kinds, ILogger<DueTimesGrain> logger)
    : Grain, IDueTimesGrain, IRemindable
{
    public const string Key = "cluster";
    public const string ActivityName = "dues.reconcile";
    public const string WokenEvent = "woken";
    private const string Reminder = "reconcile-dues";
    private const int Page = 500;
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(15);
    private static readonly ActivitySource Source = new(EventLogTelemetry.Name);

    private readonly Dictionary<string, DueKind> _kinds = kinds.ToDictionary(k => k.Category, StringComparer.Ordinal);

    public async Task ReconcileAsync()
    {
        if (await this.GetReminder(Reminder) is null) await this.RegisterOrUpdateReminder(Reminder, Period, Period);
        await PassAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == Reminder ? PassAsync() : Task.CompletedTask;

    private async Task PassAsync()
    {
        await BackfillOnceAsync();
        using var activity = Source.StartActivity(ActivityName);
        var (checkedDues, woken) = (0, 0);
        StreamDue? after = null;
        IReadOnlyList<StreamDue> page;
        do
        {
            page = await log.ListDueAsync(after, Page);
            foreach (var due in page)
            {
                checkedDues++;
                if (!_kinds.TryGetValue(due.Category, out var kind) || !due.StreamId.StartsWith(kind.Category + "-", StringComparison.Ordinal)) continue;
                var grain = kind.Grain(GrainFactory, due.StreamId[(kind.Category.Length + 1)..]);
                if (await reminders.ReadRow(grain.GetGrainId(), kind.Reminder) is not null) continue;
                try
                {
                    await grain.KeepDueTimeAsync();
                    woken++;
                    activity?.AddEvent(new ActivityEvent(WokenEvent, tags: new ActivityTagsCollection { ["stream"] = due.StreamId }));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One grain that cannot act now must not hold up the others; the next pass tries it again.
                    logger.LogWarning(e, "Stream {Stream}, due at {DueAt}, has no reminder and could not be woken.", due.StreamId, due.DueAt);
                }
            }
            after = page.Count > 0 ? page[^1] : null;
        } while (page.Count == Page);
        activity?.SetTag("deliberation.dues.checked", checkedDues).SetTag("deliberation.dues.woken", woken);
        if (woken > 0) logger.LogInformation("Woke {Woken} of {Checked} due streams that had no reminder.", woken, checkedDues);
    }
}

/// <summary>The pass at start, once the silo runs; retried each minute until one pass has gone through.</summary>
public sealed class DueTimesAtStart(IGrainFactory grains, ILogger<DueTimesAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IDueTimesGrain>(DueTimesGrain.Key).ReconcileAsync().WaitAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                logger.LogWarning(e, "Due times could not be reconciled at start; trying again in a minute.");
            }
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }
}

public static class DueTimes
{
    /// <summary>A kind of stream that falls due, for the reconciler to know.</summary>
    public static IServiceCollection AddDueKind(this IServiceCollection services, DueKind kind) => services.AddSingleton(kind);

    /// <summary>The reconciler's pass at start (after the silo and the startup work: registered after them).</summary>
    public static IServiceCollection AddDueTimes(this IServiceCollection services) => services.AddHostedService<DueTimesAtStart>();
}
