using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Orleans;

namespace Deliberation.Web.Councils;

/// <summary>The clerk keeps the council's departments, volunteer groups and small-request categories.</summary>
public static class CouncilServiceEndpoints
{
    public static IEndpointRouteBuilder MapCouncilServices(this IEndpointRouteBuilder app)
    {
        var council = app.MapGroup("/api/councils/{councilId}").WithTags("Councils");

        council.MapGet("/services", async (string councilId, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).GetServicesAsync())).AccessFor();

        council.MapPost("/departments", async (string councilId, RecordDepartment request, HttpContext http, IGrainFactory grains,
            UserManager<CouncilUser> users) =>
            await UnknownAccountAsync(users, request.Accounts) is { } unknown
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["accounts"] = [$"There is no account with id '{unknown}'."] })
                : Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).RecordDepartmentAsync(request, http.Actor())))
            .AccessFor(CouncilRole.Clerk);

        council.MapPost("/volunteer-groups", async (string councilId, RecordVolunteerGroup request, HttpContext http, IGrainFactory grains,
            UserManager<CouncilUser> users) =>
            await UnknownAccountAsync(users, request.Members) is { } unknown
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["members"] = [$"There is no account with id '{unknown}'."] })
                : Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).RecordVolunteerGroupAsync(request, http.Actor())))
            .AccessFor(CouncilRole.Clerk);

        council.MapPost("/request-categories", async (string councilId, RecordRequestCategories request, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).RecordRequestCategoriesAsync(request, http.Actor())))
            .AccessFor(CouncilRole.Clerk);

        // Departments and volunteer groups from the clerk's page (form posts, answered with a redirect).
        app.MapCouncilServiceForms();
        return app;
    }

    private static async Task<string?> UnknownAccountAsync(UserManager<CouncilUser> users, IReadOnlyList<string>? ids)
    {
        foreach (var id in ids ?? [])
            if (await users.FindByIdAsync(id ?? "") is null) return id ?? "";
        return null;
    }
}
