using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Accounts;

/// <summary>
/// A valid token from the identity provider is only half the answer: it must name a person who has a local
/// account here (linked as an external login: issuer + subject), because roles live with the local account.
/// </summary>
public static class StaffAccountLink
{
    public static async Task MapToLocalAccountAsync(TokenValidatedContext context)
    {
        // Identity.Web's own check (a scope or a role in the token) runs first and may already have refused it.
        if (context.Result is { Failure: not null }) return;
        var principal = context.Principal!;
        var issuer = principal.FindFirstValue("iss");
        var subject = principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub");
        if (issuer is null || subject is null)
        {
            context.Fail("The token names no issuer or subject.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var cache = services.GetRequiredService<StaffAccountCache>();
        var claims = cache.Find(issuer, subject);
        if (claims is null)
        {
            var changesBefore = cache.Changes;
            var users = services.GetRequiredService<UserManager<CouncilUser>>();
            var user = await users.FindByLoginAsync(issuer, subject);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                context.Fail("The token's subject has no usable local account.");
                return;
            }
            claims = [.. (await services.GetRequiredService<IUserClaimsPrincipalFactory<CouncilUser>>().CreateAsync(user)).Claims];
            cache.Remember(issuer, subject, user.Id, claims, changesBefore);
        }
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, context.Scheme.Name));
    }
}
