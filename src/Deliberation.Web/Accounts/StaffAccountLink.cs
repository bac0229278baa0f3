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
        var principal = context.Principal!;
        var issuer = principal.FindFirstValue("iss");
        var subject = principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub");
        if (issuer is null || subject is null)
        {
            context.Fail("The token names no issuer or subject.");
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<CouncilUser>>();
        var user = await users.FindByLoginAsync(issuer, subject);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            context.Fail("The token's subject has no usable local account.");
            return;
        }

        // A reset ends the tokens issued before it, as it ends the sessions (a token without an issue time ends too).
        var db = context.HttpContext.RequestServices.GetRequiredService<Deliberation.Web.Hosting.DeliberationDb>();
        if (await AccountMarks.GetAsync<PasswordResetMark>(db, user.Id, AccountMarks.LastReset) is { } reset
            && IssuedAt(context.SecurityToken) <= reset.At.UtcDateTime)
        {
            context.Fail("The token was issued before the account's password was reset.");
            return;
        }

        var factory = context.HttpContext.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<CouncilUser>>();
        var local = await factory.CreateAsync(user);
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(local.Claims, context.Scheme.Name));
    }

    private static DateTime IssuedAt(Microsoft.IdentityModel.Tokens.SecurityToken token) =>
        token is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken { IssuedAt: var issued } && issued > DateTime.MinValue
            ? issued : token.ValidFrom;
}
