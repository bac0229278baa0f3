using Deliberation.Web.Errors;
using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Councils;

/// <summary>What the clerk's services page sends: a department or a volunteer group, its people by user name or phone, one a line.</summary>
public sealed class ServiceForm
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }
    public string? Logins { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The clerk's page for departments and volunteer groups posts here (the same commands as the API); each is an event in the council's log.</summary>
public static class CouncilServiceFormEndpoints
{
    public static IEndpointRouteBuilder MapCouncilServiceForms(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/councils/{councilId}/services").ExcludeFromDescription();

        services.MapPost("/department", (string councilId, [FromForm] ServiceForm form, HttpContext http, IGrainFactory grains, SignInService accounts) =>
            FormRedirects.Act(Page(councilId), "department", async () => await grains.GetGrain<ICouncilGrain>(councilId).RecordDepartmentAsync(
                new RecordDepartment(form.Id?.Trim() ?? "", form.Name ?? "", form.Contact, await AccountsAsync(accounts, form.Logins), form.Reason),
                http.Actor()))).AccessFor(CouncilRole.Clerk);

        services.MapPost("/group", (string councilId, [FromForm] ServiceForm form, HttpContext http, IGrainFactory grains, SignInService accounts) =>
            FormRedirects.Act(Page(councilId), "group", async () => await grains.GetGrain<ICouncilGrain>(councilId).RecordVolunteerGroupAsync(
                new RecordVolunteerGroup(form.Id?.Trim() ?? "", form.Name ?? "", await AccountsAsync(accounts, form.Logins), form.Reason),
                http.Actor()))).AccessFor(CouncilRole.Clerk);
        return app;
    }

    /// <summary>The accounts named one a line (user name or phone number); an unknown one refuses the whole form.</summary>
    private static async Task<IReadOnlyList<string>> AccountsAsync(SignInService accounts, string? logins)
    {
        var ids = new List<string>();
        foreach (var login in (logins ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(51))
            ids.Add((await accounts.FindAsync(login) ?? throw WebRefusals.NoAccountNamed.With(login).Invalid()).Id);
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Page(string councilId) => $"/councils/{councilId}/services";
}
