using System.Text.Encodings.Web;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Errors;

/// <summary>
/// Every error a person meets in a browser is a page in their language, not JSON: a refusal at the gate, a page or
/// record that is not there, a failure. It writes in place of a problem document for requests to the site's pages
/// (not <c>/api</c>) that accept HTML. Programs keep their problem details. A signed-in person refused a resident's
/// action because they are not verified is told how to become verified.
/// </summary>
public sealed class BrowserErrorPages(UiText text) : IProblemDetailsWriter
{
    /// <summary>Set by the gate when the refusal is for want of the verified-resident role.</summary>
    public const string NotVerified = "refusal.not-verified";

    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        return !request.Path.StartsWithSegments("/api")
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var culture = ProblemLanguage.OfPage(http);
        var known = text.HasBoth($"error.{status}.title");
        var title = text.Get(known ? $"error.{status}.title" : "error.other.title", culture);
        var body = http.Items.ContainsKey(NotVerified) ? text.Get("error.not-verified", culture)
            : text.Get(known ? $"error.{status}.text" : "error.other.text", culture);
        // Why, when the refusal has declared words: said in the page's language.
        var why = RefusalWords.For(http, context.Exception, context.ProblemDetails.Detail, text, culture);
        var encode = HtmlEncoder.Default;
        var page = $"""
            <!DOCTYPE html>
            <html lang="{(Languages.IsEnglish(culture) ? "en" : "zh-Hans")}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{encode.Encode(title)} · {encode.Encode(text.Get("site.name", culture))}</title><link rel="stylesheet" href="/site.css" /></head>
            <body>
            <header class="site-header"><a class="brand" href="/">{encode.Encode(text.Get("site.name", culture))}</a></header>
            <main id="main" class="error-page">
            <h1>{encode.Encode(title)}</h1>
            <p>{encode.Encode(body)}</p>
            {(why is null ? "" : $"<p class=\"error\" role=\"alert\">{encode.Encode(why)}</p>")}
            {(http.Items.ContainsKey(NotVerified) ? $"<p><a href=\"/account/join\">{encode.Encode(text.Get("error.join-link", culture))}</a></p>" : "")}
            <p><a href="/">{encode.Encode(text.Get("error.home", culture))}</a></p>
            </main>
            </body>
            </html>
            """;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(page);
    }
}
