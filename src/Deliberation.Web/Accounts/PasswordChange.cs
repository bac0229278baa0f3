using System.Security.Claims;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Accounts;

/// <summary>An endpoint or page a person may use while their reset password still has to be replaced.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowedBeforePasswordChangeAttribute : Attribute;

/// <summary>
/// After a reset the person signs in with the password the clerk gave them, and must choose their own before doing
/// anything else: the sign-in carries a claim saying so, and the access gate lets only the change through.
/// </summary>
public static class PasswordChange
{
    public const string Claim = "deliberation:must-change-password";
    public const string PagePath = "/account";

    public static bool IsRequired(ClaimsPrincipal user) => user.HasClaim(c => c.Type == Claim);

    public static bool AllowsBeforeChange(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<AllowedBeforePasswordChangeAttribute>() is not null;

    public static TBuilder AllowBeforePasswordChange<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowedBeforePasswordChangeAttribute());

    /// <summary>The refusal for anything else: a problem for the API, the account page for pages.</summary>
    public static async Task RefuseAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.Redirect($"{PagePath}?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
            return;
        }
        await ProblemTypes.Problem(http, StatusCodes.Status403Forbidden, ProblemTypes.PasswordChangeRequired, "Choose a new password",
            "Your password was reset. Choose a new password (POST /api/account/password) before doing anything else.").ExecuteAsync(http);
    }

    /// <summary>Changes the password, lifts the requirement and renews this sign-in (the old stamp ended every session).</summary>
    public static async Task<IReadOnlyList<string>> ChangeAsync(ClaimsPrincipal principal, string current, string next,
        UserManager<CouncilUser> users, SignInManager<CouncilUser> signIn, DeliberationDb db)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return ["Sign in first."];
        if (string.IsNullOrEmpty(next)) return ["Choose a password of at least 8 characters."];
        if (current == next) return ["Choose a password other than the one you were given."];
        var changed = await users.ChangePasswordAsync(user, current ?? "", next);
        if (!changed.Succeeded) return changed.Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is wrong." : e.Description).ToList();
        await AccountMarks.RemoveAsync(db, user.Id, AccountMarks.MustChangePassword);
        await signIn.SignInAsync(user, isPersistent: false);
        return [];
    }
}
