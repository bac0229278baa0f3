using Deliberation.Web.Errors;
using Deliberation.Domain.Councils;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Councils;

/// <summary>The council's departments, volunteer groups and request categories.</summary>
public sealed partial class CouncilGrain
{
    public Task<CouncilServicesView?> GetServicesAsync() =>
        Task.FromResult(Current is { } council ? ServicesOf(council) : null);

    public Task<DepartmentView> RecordDepartmentAsync(RecordDepartment request, Actor by) => ChangeAsync(by,
        council => council.RecordDepartment(by, Id(request.DepartmentId, "department"), request.Name, request.Contact ?? "", request.Accounts ?? [], request.Reason),
        council => ToView(council.DepartmentById(request.DepartmentId)!));

    public Task<VolunteerGroupView> RecordVolunteerGroupAsync(RecordVolunteerGroup request, Actor by) => ChangeAsync(by,
        council => council.RecordVolunteerGroup(by, Id(request.GroupId, "group"), request.Name, request.Members ?? [], request.Reason),
        council => ToView(council.VolunteerGroupById(request.GroupId)!));

    public Task<IReadOnlyList<string>> RecordRequestCategoriesAsync(RecordRequestCategories request, Actor by) => ChangeAsync(by,
        council => council.RecordRequestCategories(by, request.Categories ?? [], request.Reason), council => council.RequestCategories);

    public Task<IReadOnlyList<string>> ChangeCategoryAsync(Categories.ChangeCategory request, Actor by) => ChangeAsync(by,
        council => request.Change switch
        {
            Categories.CategoryChange.Add => council.AddCategory(by, request.Name, request.Reason),
            Categories.CategoryChange.Rename => council.RenameCategory(by, request.Name, request.NewName ?? "", request.Reason),
            Categories.CategoryChange.Retire => council.RetireCategory(by, request.Name, request.Reason),
            _ => throw WebRefusals.CategoryChange.Invalid(nameof(request)),
        },
        council => (IReadOnlyList<string>)council.Categories.ToList());

    // Departments and groups appear in addresses and forms: the same id rules as every other id.
    private static string Id(string? id, string what) =>
        Identifiers.IsValid(id) ? id! : throw WebRefusals.IdShapeOf.With(what).Invalid(what);

    private static CouncilServicesView ServicesOf(Council council) => new(council.Departments.Select(ToView).ToList(),
        council.VolunteerGroups.Select(ToView).ToList(), council.RequestCategories.ToList());

    private static DepartmentView ToView(Department d) => new(d.Id, d.Name, d.Contact, d.Accounts);

    private static VolunteerGroupView ToView(VolunteerGroup g) => new(g.Id, g.Name, g.Members);
}
