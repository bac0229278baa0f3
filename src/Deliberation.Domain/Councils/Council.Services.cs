namespace Deliberation.Domain.Councils;

/// <summary>The council's departments, volunteer groups and categories (one list for topics and small requests): data the clerk keeps.</summary>
public sealed partial class Council
{
    private const int MaxAccounts = 50;

    private readonly List<Department> _departments = [];
    private readonly List<VolunteerGroup> _groups = [];
    private readonly List<string> _requestCategories = [];

    public IReadOnlyList<Department> Departments => _departments;
    public IReadOnlyList<VolunteerGroup> VolunteerGroups => _groups;
    public IReadOnlyList<string> RequestCategories => _requestCategories;

    public Department? DepartmentById(string? id) => _departments.FirstOrDefault(d => d.Id == id);

    public VolunteerGroup? VolunteerGroupById(string? id) => _groups.FirstOrDefault(g => g.Id == id);

    /// <summary>Adds a department or changes one: its name, contact and the accounts that answer for it.</summary>
    public IReadOnlyList<CouncilEvent> RecordDepartment(Actor by, string departmentId, string name, string contact,
        IReadOnlyList<string> accounts, string? reason)
    {
        RequireClerk(by, CouncilRefusals.ToKeepDepartments);
        Require(departmentId, "department id");
        return Raise(new DepartmentRecorded(departmentId, TextRules.Required(name, TextKind.Name, "department name"),
            TextRules.Check(contact, TextKind.Name, "contact"), Accounts(accounts, "accounts"), Reason(reason)));
    }

    public IReadOnlyList<CouncilEvent> RecordVolunteerGroup(Actor by, string groupId, string name, IReadOnlyList<string> members, string? reason)
    {
        RequireClerk(by, CouncilRefusals.ToKeepGroups);
        Require(groupId, "group id");
        return Raise(new VolunteerGroupRecorded(groupId, TextRules.Required(name, TextKind.Name, "group name"),
            Accounts(members, "members"), Reason(reason)));
    }

    public IReadOnlyList<CouncilEvent> RecordRequestCategories(Actor by, IReadOnlyList<string> categories, string? reason)
    {
        RequireClerk(by, CouncilRefusals.ToKeepRequestCategories);
        var list = categories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => TextRules.Check(c, TextKind.Name, "category"))
            .Distinct(StringComparer.Ordinal).ToList();
        if (list.Count is 0 or > 30) throw CouncilRefusals.CategoriesCount.Invalid(nameof(categories));
        return Raise(new RequestCategoriesRecorded(list, Reason(reason)));
    }

    private void ApplyServices(CouncilEvent e)
    {
        switch (e)
        {
            case DepartmentRecorded d:
                _departments.RemoveAll(x => x.Id == d.DepartmentId);
                _departments.Add(new Department(d.DepartmentId, d.Name, d.Contact, d.Accounts));
                break;
            case VolunteerGroupRecorded g:
                _groups.RemoveAll(x => x.Id == g.GroupId);
                _groups.Add(new VolunteerGroup(g.GroupId, g.Name, g.Members));
                break;
            case RequestCategoriesRecorded c:
                _requestCategories.Clear();
                _requestCategories.AddRange(c.Categories);
                break;
            default: ApplyCategories(e); break;
        }
    }

    private static IReadOnlyList<string> Accounts(IReadOnlyList<string>? ids, string what)
    {
        var list = (ids ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => TextRules.Check(i, TextKind.Name, what))
            .Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > MaxAccounts) throw (what == "members" ? CouncilRefusals.MostMembers : CouncilRefusals.MostAccounts).With(MaxAccounts).Invalid(what);
        return list;
    }
}
