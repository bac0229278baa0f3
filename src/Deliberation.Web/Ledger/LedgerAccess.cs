using Deliberation.Domain.Councils;
using Deliberation.Web.Councils;
using Orleans;

namespace Deliberation.Web.Ledger;

/// <summary>
/// Who reads the ledger: the council's staff (clerk, chair, members) all of it; a department's account only its own
/// department's lines; nobody else, and nobody another council's (their roles and department are this council's).
/// </summary>
public static class LedgerAccess
{
    public static readonly CouncilRole[] Staff = [CouncilRole.Clerk, CouncilRole.Chair, CouncilRole.Member];

    public static bool IsStaff(Actor viewer) => Staff.Any(role => viewer.Holds(role));

    /// <summary>The ledger's reader: everything (department null), one department, or refused.</summary>
    public sealed record Reader(bool Allowed, string? OnlyDepartment, string? DepartmentName);

    public static async Task<Reader> ReaderAsync(IGrainFactory grains, string councilId, Actor viewer)
    {
        if (IsStaff(viewer)) return new Reader(true, null, null);
        var services = await grains.GetGrain<ICouncilGrain>(councilId).GetServicesAsync();
        return services?.DepartmentOf(viewer.UserId) is { } department
            ? new Reader(true, department.Id, department.Name)
            : new Reader(false, null, null);
    }
}
