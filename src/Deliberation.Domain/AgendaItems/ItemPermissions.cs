using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.AgendaItems;

/// <summary>
/// Who may take each action. Actions that drive a step belong to the step's acting role (from the template, i.e. data),
/// and the clerk, who keeps the record, may always drive them too; the rest belong to fixed roles.
/// </summary>
public static class ItemPermissions
{
    public static IReadOnlyList<CouncilRole> RolesFor(ItemAction action, ProcessStep? step) => action switch
    {
        ItemAction.Accept or ItemAction.Merge or ItemAction.Route or ItemAction.Decline or ItemAction.AssignImplementation
            => [CouncilRole.Clerk],
        ItemAction.Object or ItemAction.Rate => [CouncilRole.Resident],
        ItemAction.ApproveReview or ItemAction.ReturnReview => [step?.ActingRole ?? CouncilRole.Reviewer],
        ItemAction.ReportProgress => [step?.ActingRole ?? CouncilRole.ResponsibleParty],
        _ => step is null || step.ActingRole == CouncilRole.Clerk ? [CouncilRole.Clerk] : [step.ActingRole, CouncilRole.Clerk],
    };

    public static bool Permits(Actor actor, ItemAction action, ProcessStep? step) =>
        RolesFor(action, step).Any(role => actor.Holds(role));

    public static void Demand(Actor actor, ItemAction action, ProcessStep? step)
    {
        if (!Permits(actor, action, step))
            throw new NotPermitted(CommonRefusals.RolesOnly.With(RefusalPart.Roles(RolesFor(action, step)), ProcessRuleViolation.Action(action)));
    }
}
