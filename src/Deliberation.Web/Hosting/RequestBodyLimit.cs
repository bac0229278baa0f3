using Microsoft.AspNetCore.Http.Features;

namespace Deliberation.Web.Hosting;

/// <summary>
/// No request body is larger than the largest honest one: a topic at its longest (20,000 characters of Chinese, form-encoded)
/// fits with room to spare. A declared length above the limit is answered at once; a body that streams past it without
/// declaring one is cut off by the server (Kestrel) and answered 413 too.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public const long MaxBytes = 256 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        // Before routing: the few requests that carry photos are known by their path (Photos/PhotoUploads).
        var max = Photos.PhotoUploads.CarriesPhotos(http.Request) ? Photos.PhotoUploads.MaxRequestBytes : MaxBytes;
        if (http.Request.ContentLength > max)
        {
            await TooLarge(max).ExecuteAsync(http);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max;
        if (http.Request.ContentLength is null && http.Request.Body != Stream.Null) http.Request.Body = new BoundedBody(http.Request.Body, max);
        await next(http);
        // Model binding answers a body cut off at the limit with a bare 413; say what the limit is.
        if (http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted) await TooLarge(max).ExecuteAsync(http);
    }

    public static IResult TooLarge(long max = MaxBytes) =>
        Errors.RefusalWords.Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", Errors.WebRefusals.RequestTooLarge.With(max / 1024));
}
