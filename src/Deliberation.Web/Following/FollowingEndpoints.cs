using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Domain.Following;
using Deliberation.Runtime.EventLog;
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

        app.MapGet("/api/account/following", async (HttpContext http, IGrainFactory grains, IEventLog log) =>
            Results.Ok(await FollowedItems.ListAsync(http, grains, log))).Access(Audience.SignedIn).WithTags("Following");

        // The item page's button: a form, so it works without script; antiforgery is checked because a form is bound.
        app.MapPost("/councils/{councilId}/items/{itemId}/follow", async (string councilId, string itemId,
            [FromForm] FollowForm form, HttpContext http, IGrainFactory grains) =>
        {
            var page = $"/councils/{councilId}/items/{Identifiers.Require(itemId, "item")}";
            return await FormRedirects.Attempt(page, async () =>
            {
                await Change(councilId, itemId, form.Follow, http, grains);
                return $"{page}?done={(form.Follow ? "followed" : "unfollowed")}";
            });
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

/// <summary>The person's followed items that they may still read, newest change first, from the stream catalogue.</summary>
public static class FollowedItems
{
    public static async Task<IReadOnlyList<FollowedItemView>> ListAsync(HttpContext http, IGrainFactory grains, IEventLog log)
    {
        var userId = http.User.UserId();
        var followed = await grains.GetGrain<IFollowingGrain>(userId).GetAsync();
        var views = new List<FollowedItemView>();
        foreach (var council in followed.GroupBy(f => f.CouncilId))
        {
            var insider = (await CouncilActors.ResolveAsync(http.User, grains, council.Key)).Roles.Count > 0;
            var wanted = council.Select(f => $"{AgendaItemGrain.Category}-{f.ItemId}").ToHashSet();
            foreach (var row in await log.ListStreamsAsync(AgendaItemGrain.Category, council.Key))
            {
                if (!wanted.Contains(row.StreamId)) continue;
                var s = JsonSerializer.Deserialize<ItemSummary>(row.Summary, EventJson.Options)!;
                if (insider || s.IsPublic)
                    views.Add(new FollowedItemView(s.CouncilId, s.Id, s.Title, s.Status.ToString(), s.Outcome, s.StepNameZh, s.StepNameEn, s.UpdatedAt));
            }
        }
        return views.OrderByDescending(v => v.UpdatedAt).ToList();
    }
}
