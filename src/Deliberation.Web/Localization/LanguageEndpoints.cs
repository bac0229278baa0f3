using Deliberation.Web.Accounts;
using Microsoft.AspNetCore.Localization;

namespace Deliberation.Web.Localization;

public static class LanguageEndpoints
{
    /// <summary>A plain link switches language, so it works without JavaScript.</summary>
    public static IEndpointRouteBuilder MapLanguage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            var culture = Languages.Supported.FirstOrDefault(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase));
            if (culture is null)
                return Results.Problem(statusCode: 400, detail: $"Unknown language '{code}'. Use one of: {string.Join(", ", Languages.Supported)}.");
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            var target = returnUrl is { Length: > 0 } && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//")
                ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).Access(Audience.Public).AllowBeforePasswordChange().ExcludeFromDescription();
        return app;
    }
}
