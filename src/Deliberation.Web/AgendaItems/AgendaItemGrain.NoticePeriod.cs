using Deliberation.Domain.AgendaItems;
using Deliberation.Web.Grains;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// The notice period (公示期) ends by itself: an Orleans reminder, kept in our database, wakes the item when its notice
/// is due, also after a restart. The council's clock decides whether it is due; the reminder only wakes the grain. The
/// due time is also in the log's <c>dues</c> table, so an item in notice without a reminder is woken at start
/// (<see cref="DueTimesGrain"/>).
/// </summary>
public sealed partial class AgendaItemGrain : IRemindable
{
    public const string NoticeReminder = "notice-period";

    /// <summary>Items fall due when their notice ends; the reconciler wakes one that has no reminder.</summary>
    public static readonly DueKind Due = new(Category, NoticeReminder, (grains, key) => grains.GetGrain<IAgendaItemGrain>(key));

    /// <summary>The council's process, not a person, in the item's history.</summary>
    public const string ProcessActor = "system";

    // Orleans' shortest period. There is a period at all so that a tick that changed nothing is tried again: one missed
    // while no silo ran (Orleans skips it and fires at the next period), or one that found an objection still pending.
    private static readonly TimeSpan NoticeRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SoonestDue = TimeSpan.FromSeconds(1);

    // The notice end the reminder is known to be set for; null when none is known (as after an activation).
    private DateTimeOffset? _remindedFor;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != NoticeReminder) return;
        var now = clock.GetUtcNow();
        if (Current is { } item) await CommitAsync(item.EndNoticeWhenDue(now), ProcessActor, now);
        if (Current?.NoticeDueAt is not null) return;
        await ForgetNoticeAsync();
        _remindedFor = null;
    }

    protected override bool MayFallDue => true;

    protected override DateTimeOffset? DueOf(AgendaItem item) => item.NoticeDueAt;

    public async Task KeepDueTimeAsync()
    {
        var now = clock.GetUtcNow();
        if (Current is { } item) await CommitAsync(item.EndNoticeWhenDue(now), ProcessActor, now);
        // Found without a reminder: what this activation believes about it is not to be trusted.
        _remindedFor = null;
        await FollowNoticeAsync(now);
    }

    /// <summary>After a committed change: a running notice has its reminder, an ended one none.</summary>
    private async Task FollowNoticeAsync(DateTimeOffset now)
    {
        var due = Current?.NoticeDueAt;
        if (due == _remindedFor) return;
        try
        {
            if (due is { } at)
            {
                // A reminder outlives activations and restarts: one already there for this notice keeps its due time.
                if (_remindedFor is not null || await this.GetReminder(NoticeReminder) is null)
                    await this.RegisterOrUpdateReminder(NoticeReminder, at - now > SoonestDue ? at - now : SoonestDue, NoticeRetry);
            }
            else await ForgetNoticeAsync();
            _remindedFor = due;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The change itself is durable; the next command tries again, and a clerk can still end the notice by hand.
            logger.LogWarning(e, "The notice-period reminder of item {Item} could not be set.", Key);
        }
    }

    private async Task ForgetNoticeAsync()
    {
        if (await this.GetReminder(NoticeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
