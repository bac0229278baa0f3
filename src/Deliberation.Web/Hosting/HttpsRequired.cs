using System.Globalization;
using System.Text.Encodings.Web;
using Deliberation.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Outside Development, cookies are Secure, so a page with a form cannot be served over plain http (its antiforgery
/// cookie would be refused). When the site is reached that way (no TLS, or a proxy not named in <c>Proxy:KnownProxies</c>),
/// it says so in both languages with a 400, instead of failing deep in rendering with a 500.
/// </summary>
public sealed class HttpsRequired(RequestDelegate next, IWebHostEnvironment environment, UiText text)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (environment.IsDevelopment() || http.Request.IsHttps || !NeedsSecureCookies(http.GetEndpoint())) return next(http);
        return AnswerAsync(http);
    }

    /// <summary>Pages (which carry forms and their antiforgery cookie) and form posts; the JSON API and health checks answer on their own.</summary>
    private static bool NeedsSecureCookies(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        || endpoint?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true };

    private async Task AnswerAsync(HttpContext http)
    {
        var zh = CultureInfo.GetCultureInfo(Languages.Chinese);
        var en = CultureInfo.GetCultureInfo(Languages.English);
        var html = HtmlEncoder.Default;
        var secure = html.Encode($"https://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}");
        string Both(string key, string tag) =>
            $"<{tag} lang=\"zh-Hans\">{html.Encode(text.Get(key, zh))}</{tag}>\n<{tag} lang=\"en\">{html.Encode(text.Get(key, en))}</{tag}>";
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-Hans">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(text.Get("https-required.title", zh))} · {html.Encode(text.Get("https-required.title", en))}</title></head>
            <body>
            <main>
            {Both("https-required.title", "h1")}
            {Both("https-required.text", "p")}
            <p><a href="{secure}">{secure}</a></p>
            </main>
            </body>
            </html>
            """);
    }
}
