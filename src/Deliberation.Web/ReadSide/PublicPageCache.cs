using System.Globalization;
using Deliberation.Runtime.Projections;
using Microsoft.AspNetCore.OutputCaching;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// Public pages rendered once and served again until the log moves on: a page a visitor (signed out) sees depends only
/// on the events in the log and on the language, so its rendering is kept under the log's head position and the
/// language, and any new event, written on any node, gives the next request a new key. Signed-in people, requests with
/// a query (status lines) and answers that set a cookie are never cached. Costs one indexed query per request.
/// </summary>
public sealed class PublicPageCache(ProjectionRunner readSide) : IOutputCachePolicy
{
    public const string PolicyName = "public-page";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && !request.QueryString.HasValue;
        context.EnableOutputCaching = cacheable;
        if (!cacheable) return;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["log"] = (await readSide.HeadAsync(cancellation)).ToString(CultureInfo.InvariantCulture);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status404NotFound) || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
