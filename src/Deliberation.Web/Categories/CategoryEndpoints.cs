using Deliberation.Web.Errors;
using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Categories;

/// <summary>
/// The council's categories (one list for topics and small requests): anyone may read the list; the clerk adds,
/// renames and retires, each an event in the council's log, from the API or the categories page's forms.
/// </summary>
public static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategories(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/councils/{councilId}/categories").WithTags("Councils");
        api.MapGet("/", async (string councilId, IGrainFactory grains) =>
            Results.Ok((await grains.GetGrain<ICouncilGrain>(councilId).GetServicesAsync())?.RequestCategories ?? [])).Access(Audience.Public);
        api.MapPost("/", (string councilId, CategoryBody body, HttpContext http, IGrainFactory grains) =>
            ChangeAsync(grains, councilId, new ChangeCategory(CategoryChange.Add, body.Name, null, body.Reason), http)).AccessFor(CouncilRole.Clerk);
        api.MapPost("/rename", (string councilId, RenameCategoryBody body, HttpContext http, IGrainFactory grains) =>
            ChangeAsync(grains, councilId, new ChangeCategory(CategoryChange.Rename, body.From, body.To, body.Reason), http)).AccessFor(CouncilRole.Clerk);
        api.MapPost("/retire", (string councilId, CategoryBody body, HttpContext http, IGrainFactory grains) =>
            ChangeAsync(grains, councilId, new ChangeCategory(CategoryChange.Retire, body.Name, null, body.Reason), http)).AccessFor(CouncilRole.Clerk);

        app.MapPost("/councils/{councilId}/categories", async (string councilId, [FromForm] CategoryForm form, HttpContext http, IGrainFactory grains) =>
            await FormRedirects.Attempt($"/councils/{councilId}/categories", async () =>
            {
                var change = Enum.TryParse<CategoryChange>(form.Change, ignoreCase: true, out var c) ? c
                    : throw WebRefusals.CategoryChange.Invalid();
                await grains.GetGrain<ICouncilGrain>(councilId).ChangeCategoryAsync(new ChangeCategory(change, form.Name ?? "", form.NewName, form.Reason), http.Actor());
                return $"/councils/{councilId}/categories?done={change.ToString().ToLowerInvariant()}";
            })).AccessFor(CouncilRole.Clerk).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ChangeAsync(IGrainFactory grains, string councilId, ChangeCategory change, HttpContext http) =>
        Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).ChangeCategoryAsync(change, http.Actor()));
}

public sealed class CategoryForm
{
    public string? Change { get; set; }
    public string? Name { get; set; }
    public string? NewName { get; set; }
    public string? Reason { get; set; }
}
