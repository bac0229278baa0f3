using Deliberation.Domain.Escalations;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Escalations;

/// <summary>
/// The time to respond and the due date are noticed on their own (<see cref="FallsDueGrain{TAggregate, TEvent}"/>):
/// the escalation is woken at the next of them and turns overdue when the council's clock says so.
/// </summary>
public sealed partial class EscalationGrain
{
    public const string DueReminder = "escalation-due";

    /// <summary>Escalations fall due at their time to respond and their due date; the reconciler wakes one without a reminder.</summary>
    public static readonly DueKind Due = new(Category, DueReminder, (grains, key) => grains.GetGrain<IEscalationGrain>(key));

    protected override DateTimeOffset? DueOf(Escalation escalation) => escalation.NextDueAt;

    protected override IReadOnlyList<EscalationEvent> WhenDue(Escalation escalation, DateTimeOffset now)
    {
        var noticed = escalation.NoticeOverdue(now);
        return [.. noticed, .. escalation.RemindDepartment(noticed)];
    }
}
