using System.Globalization;
using Deliberation.Web.Localization;
using Microsoft.AspNetCore.Localization;

namespace Deliberation.Web.Errors;

/// <summary>
/// The language a person asked for: the language cookie (chosen on the site), else, for the API, the request's
/// Accept-Language. Null when they asked for none: a program's problem details then keep their stable English titles.
/// </summary>
public static class ProblemLanguage
{
    public static CultureInfo? Chosen(HttpContext http)
    {
        if (http.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName)) return OfPage(http);
        var accepted = http.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in accepted.OrderByDescending(l => l.Quality ?? 1))
        {
            var name = language.Value.Value ?? "";
            if (name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return CultureInfo.GetCultureInfo(Languages.Chinese);
            if (name.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return CultureInfo.GetCultureInfo(Languages.English);
        }
        return null;
    }

    /// <summary>
    /// The page's language as the site chose it (cookie, else Chinese). Read from the request, not the thread: an error
    /// written on the way out (status pages, the exception handler) runs outside the localization middleware's culture.
    /// </summary>
    public static CultureInfo OfPage(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>() is { } feature) return feature.RequestCulture.UICulture;
        var cookie = http.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName];
        var chosen = cookie is null ? null : CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value;
        return CultureInfo.GetCultureInfo(chosen is not null && Languages.Supported.Contains(chosen) ? chosen : Languages.Chinese);
    }

    /// <summary>The status's title in that language (problem.{status}), or null when the text has none for it.</summary>
    public static string? Title(UiText text, int status, CultureInfo culture) =>
        text.HasBoth($"problem.{status}") ? text.Get($"problem.{status}", culture) : null;
}
