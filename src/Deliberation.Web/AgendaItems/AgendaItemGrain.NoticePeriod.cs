using Deliberation.Domain.AgendaItems;
using Deliberation.Web.Grains;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// The notice period (公示期) ends by itself when it is due (<see cref="FallsDueGrain{TAggregate, TEvent}"/>), unless
/// an objection is still pending; then the tick is tried again each minute.
/// </summary>
public sealed partial class AgendaItemGrain
{
    public const string NoticeReminder = "notice-period";

    /// <summary>Items fall due when their notice ends; the reconciler wakes one that has no reminder.</summary>
    public static readonly DueKind Due = new(Category, NoticeReminder, (grains, key) => grains.GetGrain<IAgendaItemGrain>(key));

    protected override DateTimeOffset? DueOf(AgendaItem item) => item.NoticeDueAt;

    protected override IReadOnlyList<AgendaItemEvent> WhenDue(AgendaItem item, DateTimeOffset now) => item.EndNoticeWhenDue(now);
}
