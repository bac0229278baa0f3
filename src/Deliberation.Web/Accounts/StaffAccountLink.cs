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
        var account = cache.Find(issuer, subject);
        if (account is null)
        {
            var changesBefore = cache.Changes;
            var users = services.GetRequiredService<UserManager<CouncilUser>>();
            var user = await users.FindByLoginAsync(issuer, subject);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                context.Fail("The token's subject has no usable local account.");
                return;
            }
            var claims = (await services.GetRequiredService<IUserClaimsPrincipalFactory<CouncilUser>>().CreateAsync(user)).Claims;
            var db = services.GetRequiredService<Deliberation.Web.Hosting.DeliberationDb>();
            var reset = await AccountMarks.GetAsync<PasswordResetMark>(db, user.Id, AccountMarks.LastReset);
            account = new StaffAccount(user.Id, [.. claims], reset?.At);
            cache.Remember(issuer, subject, account, changesBefore);
        }

        // A reset ends the tokens issued before it, as it ends the sessions (a token without an issue time ends too).
        if (account.LastResetAt is { } resetAt && IssuedAt(context.SecurityToken) <= resetAt.UtcDateTime)
        {
            context.Fail("The token was issued before the account's password was reset.");
            return;
        }
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(account.Claims, context.Scheme.Name));
    }

    private static DateTime IssuedAt(Microsoft.IdentityModel.Tokens.SecurityToken token) =>
        token is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken { IssuedAt: var issued } && issued > DateTime.MinValue
            ? issued : token.ValidFrom;
}
