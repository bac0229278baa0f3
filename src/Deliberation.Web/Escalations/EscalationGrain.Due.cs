using Deliberation.Domain.Escalations;
using Deliberation.Web.Grains;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.Escalations;

/// <summary>
/// The time to respond and the due date are noticed on their own: an Orleans reminder, kept in our database, wakes the
/// escalation at the next of them, also after a restart; the council's clock decides what is overdue (as the notice
/// period does, AgendaItemGrain.NoticePeriod.cs).
/// </summary>
public sealed partial class EscalationGrain : IRemindable
{
    public const string DueReminder = "escalation-due";

    /// <summary>Escalations fall due at their time to respond and their due date; the reconciler wakes one without a reminder.</summary>
    public static readonly DueKind Due = new(Category, DueReminder, (grains, key) => grains.GetGrain<IEscalationGrain>(key));

    /// <summary>The council's process, not a person, in the escalation's history.</summary>
    public const string ProcessActor = "system";

    // A period so that a tick missed while no silo ran is tried again a minute later (Orleans fires at the next period).
    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    private DateTimeOffset? _remindedFor;

    protected override bool MayFallDue => true;

    protected override DateTimeOffset? DueOf(Escalation escalation) => escalation.NextDueAt;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DueReminder) await KeepDueTimeAsync();
    }

    public async Task KeepDueTimeAsync()
    {
        var now = clock.GetUtcNow();
        if (Current is { } escalation)
        {
            var noticed = escalation.NoticeOverdue(now);
            await CommitAsync([.. noticed, .. escalation.RemindDepartment(noticed)], ProcessActor, now);
        }
        _remindedFor = null;
        await FollowDueAsync(now);
    }

    /// <summary>After a change: the reminder set for the next thing that can turn overdue, or none.</summary>
    private async Task FollowDueAsync(DateTimeOffset now)
    {
        var due = Current?.NextDueAt;
        if (due == _remindedFor && due is not null) return;
        try
        {
            if (due is { } at) await this.RegisterOrUpdateReminder(DueReminder, at - now > Soonest ? at - now : Soonest, Retry);
            else if (await this.GetReminder(DueReminder) is { } reminder) await this.UnregisterReminder(reminder);
            _remindedFor = due;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The change itself is durable; the next change or tick sets the reminder again.
            logger.LogWarning(e, "The due-date reminder of escalation {Escalation} could not be set.", Key);
        }
    }
}
