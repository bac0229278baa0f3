using Deliberation.Domain.Councils;

namespace Deliberation.Web.Councils;

public sealed record DepartmentView(string Id, string Name, string Contact, IReadOnlyList<string> Accounts)
{
    public Department ToDomain() => new(Id, Name, Contact, Accounts);
}

public sealed record VolunteerGroupView(string Id, string Name, IReadOnlyList<string> Members)
{
    public VolunteerGroup ToDomain() => new(Id, Name, Members);
}

public sealed record CouncilServicesView(IReadOnlyList<DepartmentView> Departments, IReadOnlyList<VolunteerGroupView> VolunteerGroups,
    IReadOnlyList<string> RequestCategories)
{
    public Department? Department(string? id) => Departments.FirstOrDefault(d => d.Id == id)?.ToDomain();

    public VolunteerGroup? Group(string? id) => VolunteerGroups.FirstOrDefault(g => g.Id == id)?.ToDomain();

    /// <summary>The department this account answers for, if any (an account answers for at most one in practice; the first counts).</summary>
    public Department? DepartmentOf(string userId) => Departments.FirstOrDefault(d => d.Accounts.Contains(userId))?.ToDomain();
}

/// <summary>Adds a department or changes one; its accounts are the user ids that answer for it.</summary>
public sealed record RecordDepartment(string DepartmentId, string Name, string? Contact, IReadOnlyList<string>? Accounts, string? Reason);

public sealed record RecordVolunteerGroup(string GroupId, string Name, IReadOnlyList<string>? Members, string? Reason);

public sealed record RecordRequestCategories(IReadOnlyList<string> Categories, string? Reason);
