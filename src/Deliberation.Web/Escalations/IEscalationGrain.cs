using Deliberation.Web.Grains;
using Deliberation.Domain.Councils;
using Orleans;

namespace Deliberation.Web.Escalations;

/// <summary>One escalation to a department (吹哨), from the whistle to the rated feedback. Keyed by escalation id.</summary>
public interface IEscalationGrain : IFallsDue
{
    /// <summary>Blows the whistle; asked again for the same item, answers with the escalation already made.</summary>
    Task<EscalationView> EscalateAsync(Escalate request, Actor by);

    Task<EscalationView> ActAsync(string councilId, EscalationCommand command, Actor by);

    /// <summary>The escalation as this viewer may see it; null when it is not in that council or not theirs to see.</summary>
    Task<EscalationView?> GetAsync(string councilId, Actor viewer);
}
