using Deliberation.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Accounts;

/// <summary>
/// The session cookie goes with every request the browser makes to this site, whichever site caused it; so an API
/// write that the cookie may authenticate must show it came from this site's own pages:
/// <list type="bullet">
/// <item>an <c>Origin</c> header equal to this request's own scheme and host (after forwarded headers), or else</item>
/// <item><c>Sec-Fetch-Site: same-origin</c>, or else, when a client sends neither (older browsers, scripts),</item>
/// <item>a JSON content type, which a page on another site cannot send without a CORS preflight this app never allows.</item>
/// </list>
/// Browsers send <c>Origin</c> on every cross-site POST and do not let a page forge it or <c>Sec-Fetch-Site</c>.
/// A call with a staff bearer token carries no ambient credential and passes untouched. Form posts are pages, guarded
/// by antiforgery tokens instead.
/// </summary>
public sealed class CrossSiteGuard(RequestDelegate next, IOptions<StaffTokenOptions> staffTokens)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method) || CarriesBearerToken(http)
            || FromThisSite(http.Request))
        {
            await next(http);
            return;
        }
        await ProblemTypes.Problem(http, StatusCodes.Status403Forbidden, ProblemTypes.CrossSiteRequest, "Cross-site request refused",
            "This request did not come from this site's pages. Send an Origin header for this site, or a JSON body.").ExecuteAsync(http);
    }

    private bool CarriesBearerToken(HttpContext http) => staffTokens.Value.Enabled
        && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool FromThisSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site == "same-origin";
        return request.HasJsonContentType();
    }
}
