using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Accounts;

public static class SignOutEndpoint
{
    /// <summary>The header's sign-out button posts here (a form with an antiforgery token, so it works without script).</summary>
    public static IEndpointRouteBuilder MapSignOutForm(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async (HttpContext http, IAntiforgery antiforgery, SignInManager<CouncilUser> signIn) =>
        {
            // No form field is bound here, so the antiforgery middleware would not check it by itself.
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Problem(statusCode: 400, detail: "The form has expired. Reload the page and try again.");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).Access(Audience.SignedIn).AllowBeforePasswordChange().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }
}
