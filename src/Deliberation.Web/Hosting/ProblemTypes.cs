namespace Deliberation.Web.Hosting;

/// <summary>
/// The <c>type</c> of the problems a client must tell apart to know what to do next (wait, ask the clerk, choose a
/// password, reload the page). Names, not addresses: there is nothing to fetch there.
/// </summary>
public static class ProblemTypes
{
    /// <summary>429: too many requests from this address (or for this login from it); wait for <c>Retry-After</c>.</summary>
    public const string RateLimited = "urn:deliberation:problem:rate-limited";

    /// <summary>423: the account is locked after wrong passwords from anywhere; it opens again after <c>Retry-After</c>.</summary>
    public const string AccountLocked = "urn:deliberation:problem:account-locked";

    /// <summary>403: the password was reset; nothing but choosing a new one is allowed until then.</summary>
    public const string PasswordChangeRequired = "urn:deliberation:problem:password-change-required";

    /// <summary>403: a cookie-authenticated write that did not come from this site's own pages.</summary>
    public const string CrossSiteRequest = "urn:deliberation:problem:cross-site-request";

    /// <summary>503: a grain's node or the database is briefly unreachable; after <c>Retry-After</c>, send the same request
    /// again with the same id (a vote's client vote id), which is counted once however often it arrives.</summary>
    public const string Unavailable = "urn:deliberation:problem:unavailable";

    public static IResult Problem(HttpContext http, int status, string type, string title, string detail, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(wait.TotalSeconds, 1))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: status, type: type, title: title, detail: detail);
    }
}
