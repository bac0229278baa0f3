using System.Globalization;
using Deliberation.Runtime.Projections;
using Microsoft.AspNetCore.OutputCaching;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// Public pages rendered once and served again until what they show changes: a page a visitor (signed out) sees
/// depends only on the events in the log and on the language. An item's page is kept under the versions of the streams
/// it shows (<see cref="ItemPageVersion"/>: the item, its council, its ballots), so only their events, written on any
/// node, give it a new key; any other page under the log's head position. Signed-in people, requests with a query
/// (status lines) and answers that set a cookie are never cached. Costs one indexed query per request, shared by the
/// requests for the same page that arrive while it runs (<see cref="SharedReads{T}"/>).
/// </summary>
public sealed class PublicPageCache(ProjectionRunner readSide) : IOutputCachePolicy
{
    public const string PolicyName = "public-page";

    // The key queries of concurrent requests for one page, shared (a read is never older than the request it serves).
    private readonly SharedReads<string> _keys = new();

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
        var route = context.HttpContext.Request.RouteValues;
        if (route.TryGetValue("councilId", out var council) && route.TryGetValue("itemId", out var item)
            && council is string councilId && item is string itemId && Hosting.Identifiers.IsValid(councilId) && Hosting.Identifiers.IsValid(itemId))
            context.CacheVaryByRules.VaryByValues["item"] = await _keys.ReadAsync($"item {councilId} {itemId}",
                () => ItemPageVersion.OfAsync(readSide, councilId, itemId, CancellationToken.None), cancellation);
        else
            context.CacheVaryByRules.VaryByValues["log"] = await _keys.ReadAsync("log",
                async () => (await readSide.HeadAsync(CancellationToken.None)).ToString(CultureInfo.InvariantCulture), cancellation);
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
