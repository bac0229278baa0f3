using Deliberation.Web.Errors;
using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Escalations;
using Deliberation.Web.Councils;
using Deliberation.Web.Escalations;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// Routing a topic to a department blows the whistle: the route makes an escalation (一哨、一函、一台账、一反馈) that the
/// department answers. Items routed before escalations existed keep their route as it was.
/// </summary>
public sealed partial class AgendaItemGrain
{
    private const int DefaultRespondWithinHours = 72;
    private const int DefaultDueInDays = 15;

    /// <summary>The escalation an item's route makes: one per item, so a route sent again finds the whistle already blown.</summary>
    public static string EscalationIdOf(string itemId) => $"esc-{itemId}";

    private async Task<IReadOnlyList<AgendaItemEvent>> RouteAsync(AgendaItem item, string councilId, RouteItem c, Actor by, DateTimeOffset now)
    {
        var services = await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetServicesAsync() ?? throw new NotFound(WebRefusals.NoSuchCouncil);
        var department = services.Department(c.Department)
            ?? throw WebRefusals.NoDepartment.With(c.Department).Invalid("department");
        // The item decides first whether it may be routed, and by whom; only then is the escalation made.
        var events = item.Route(by, department.Name, c.Reason, EscalationIdOf(Key));
        try
        {
            var zone = c.DueOn is null ? (await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetAsync())?.TimeZoneId : null;
            await GrainFactory.GetGrain<IEscalationGrain>(EscalationIdOf(Key)).EscalateAsync(new Escalate(councilId,
                new EscalatedMatter(item.Id, item.Title, item.Text, item.Place, item.SubmittedBy), department.Id,
                string.IsNullOrWhiteSpace(c.Request) ? c.Reason : c.Request, c.RespondWithinHours ?? DefaultRespondWithinHours,
                c.DueOn ?? CouncilTime.Today(now, zone).AddDays(DefaultDueInDays)), by);
        }
        catch
        {
            // The live item took the route already; it is rebuilt from the log, where nothing was written.
            DiscardView();
            throw;
        }
        return events;
    }
}
