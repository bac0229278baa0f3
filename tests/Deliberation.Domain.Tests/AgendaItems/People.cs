using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Tests.AgendaItems;

/// <summary>The people of a test council, one per role.</summary>
public static class People
{
    public static readonly Actor Clerk = With("u-clerk", CouncilRole.Clerk);
    public static readonly Actor Chair = With("u-chair", CouncilRole.Chair);
    public static readonly Actor Reviewer = With("u-reviewer", CouncilRole.Reviewer);
    public static readonly Actor Property = With("u-property", CouncilRole.ResponsibleParty);
    public static readonly Actor Grid = With("u-grid", CouncilRole.GridWorker);
    public static readonly Actor Resident = With("u-resident", CouncilRole.Resident);
    public static readonly Actor Neighbour = With("u-neighbour", CouncilRole.Resident);
    public static readonly Actor Member = new("u-member", [new RoleGrant(CouncilRole.Member, "joint-meeting", 1)]);

    public static Actor With(string id, CouncilRole role) => new(id, [new RoleGrant(role, null, 1)]);
}
