using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Domain.Following;
using Deliberation.Runtime.Projections;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Web.Following;

public sealed record FollowState(string CouncilId, string ItemId, bool Following);

/// <summary>A followed item with where it stands now, for the person's list.</summary>
public sealed record FollowedItemView(string CouncilId, string ItemId, string Title, string Status, string? Outcome,
    string? StepNameZh, string? StepNameEn, DateTimeOffset UpdatedAt);

/// <summary>Following an item: any signed-in account may follow what it may read (no role, no verification needed).</summary>
public static class FollowingEndpoints
{
    public static IEndpointRouteBuilder MapFollowing(this IEndpointRouteBuilder app)
    {
        var item = app.MapGroup("/api/councils/{councilId}/items/{itemId}").WithTags("Following");
        item.MapPost("/follow", (string councilId, string itemId, HttpContext http, IGrainFactory grains) =>
            Change(councilId, itemId, follow: true, http, grains)).Access(Audience.SignedIn);
        item.MapPost("/unfollow", (string councilId, string itemId, HttpContext http, IGrainFactory grains) =>
            Change(councilId, itemId, follow: false, http, grains)).Access(Audience.SignedIn);

        app.MapGet("/api/account/following", async (HttpContext http, IGrainFactory grains, ProjectionRunner readSide) =>
            Results.Ok(await FollowedItems.ListAsync(http, grains, readSide))).Access(Audience.SignedIn).WithTags("Following");

        // The item page's button: a form, so it works without script; antiforgery is checked because a form is bound.
        app.MapPost("/councils/{councilId}/items/{itemId}/follow", async (string councilId, string itemId,
            [FromForm] FollowForm form, HttpContext http, IGrainFactory grains) =>
        {
            return await FormRedirects.Act($"/councils/{councilId}/items/{Identifiers.Require(itemId, "item")}",
                form.Follow ? "followed" : "unfollowed", () => Change(councilId, itemId, form.Follow, http, grains));
        }).Access(Audience.SignedIn).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Change(string councilId, string itemId, bool follow, HttpContext http, IGrainFactory grains)
    {
        var actor = http.Actor();
        Identifiers.Require(itemId, "item");
        var list = grains.GetGrain<IFollowingGrain>(actor.UserId);
        var items = follow ? await list.FollowAsync(councilId, itemId, actor) : await list.UnfollowAsync(councilId, itemId, actor);
        return Results.Ok(new FollowState(councilId, itemId, items.Contains(new FollowedItem(councilId, itemId))));
    }
}

public sealed class FollowForm
{
    public bool Follow { get; set; }
}

/// <summary>The person's followed items that they may still read, newest change first, from the items list projection.</summary>
public static class FollowedItems
{
    public static async Task<IReadOnlyList<FollowedItemView>> ListAsync(HttpContext http, IGrainFactory grains, ProjectionRunner readSide)
    {
        var userId = http.User.UserId();
        var followed = await grains.GetGrain<IFollowingGrain>(userId).GetAsync();
        var views = new List<FollowedItemView>();
        foreach (var council in followed.GroupBy(f => f.CouncilId))
        {
            var insider = (await CouncilActors.ResolveAsync(http.User, grains, council.Key)).Roles.Count > 0;
            var ids = council.Select(f => f.ItemId).Distinct().ToList();
            var parameters = ids.Select((id, i) => ($"@i{i}", (object?)id)).Prepend(("@council", council.Key)).ToArray();
            var rows = await readSide.QueryAsync(ItemListProjection.ProjectionName,
                $"SELECT summary FROM item_list WHERE council_id = @council AND item_id IN ({string.Join(", ", ids.Select((_, i) => $"@i{i}"))})",
                row => JsonSerializer.Deserialize<ItemSummary>(row.GetString(0), EventJson.Options)!, parameters);
            views.AddRange(rows.Where(s => insider || s.IsPublic)
                .Select(s => new FollowedItemView(s.CouncilId, s.Id, s.Title, s.Status.ToString(), s.Outcome, s.StepNameZh, s.StepNameEn, s.UpdatedAt)));
        }
        return views.OrderByDescending(v => v.UpdatedAt).ToList();
    }
}

/// <summary>Who follows an item: the people to tell when it moves on, one index read of the followers projection.</summary>
public static class ItemFollowers
{
    public static Task<IReadOnlyList<string>> ListAsync(ProjectionRunner readSide, string councilId, string itemId) =>
        readSide.QueryAsync(FollowersProjection.ProjectionName,
            "SELECT user_id FROM item_followers WHERE council_id = @council AND item_id = @item ORDER BY user_id",
            row => row.GetString(0), ("@council", councilId), ("@item", itemId));
}
