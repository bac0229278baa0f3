using System.Security.Claims;
using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Councils;

namespace Deliberation.Web.Accounts;

/// <summary>Who the signed-in caller is in one council: their roles from the council's own records.</summary>
public static class CouncilActors
{
    /// <summary>Through this node's <see cref="CouncilActorCache"/>, once per request.</summary>
    public static async Task<Actor> ResolveAsync(HttpContext http, IGrainFactory grains, string councilId)
    {
        if (http.Items[typeof(Actor)] is Actor known && http.Items["actor-council"] as string == councilId) return known;
        var actor = await ResolveAsync(http.User, http.RequestServices.GetRequiredService<CouncilActorCache>(), councilId);
        http.Items[typeof(Actor)] = actor;
        http.Items["actor-council"] = councilId;
        return actor;
    }

    public static async Task<Actor> ResolveAsync(ClaimsPrincipal user, CouncilActorCache cache, string councilId) =>
        WithSiteRoles(user, await cache.GetAsync(councilId, user.UserId()));

    /// <summary>Straight from the council grain (for pages that are not on every request's path).</summary>
    public static async Task<Actor> ResolveAsync(ClaimsPrincipal user, IGrainFactory grains, string councilId) =>
        WithSiteRoles(user, await grains.GetGrain<ICouncilGrain>(councilId).GetActorAsync(user.UserId()));

    // A site administrator sets councils up, so acts as a clerk in each; what they do is recorded under their own id.
    private static Actor WithSiteRoles(ClaimsPrincipal user, Actor actor) =>
        user.IsInRole(SiteRoles.Administrator) && !actor.Holds(CouncilRole.Clerk)
            ? actor with { Roles = [.. actor.Roles, new RoleGrant(CouncilRole.Clerk, null, 1)] }
            : actor;
}
