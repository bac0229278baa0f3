using System.IO.Compression;
using Deliberation.Web.Accounts;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Marks a public read (a page or a feed) whose answer to a signed-out visitor holds no secret: no form, so no
/// antiforgery token. Only such answers are compressed (below), and a visitor's read of such a page gets no token and
/// no antiforgery cookie at all (<see cref="VisitorAntiforgery"/>), which lets the output cache keep it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CompressibleAttribute : Attribute;

/// <summary>
/// Responses compressed (Brotli, gzip; text types, the feeds and open data included) where compression cannot leak a
/// secret. BREACH reads a secret out of a compressed answer that also reflects what the attacker sent (a search, a
/// return address); so we compress only GET and HEAD answers to signed-out callers from endpoints marked
/// <see cref="CompressibleAttribute"/> (or static files). Sign-in and every page with a form stay uncompressed. (Such a
/// page carries no antiforgery token for a visitor, <see cref="VisitorAntiforgery"/>; its encrypted component state
/// differs with each rendering, so it offers no fixed secret to guess at.)
/// </summary>
public static class Compression
{
    public static readonly string[] MimeTypes =
        [.. ResponseCompressionDefaults.MimeTypes, "application/atom+xml", "text/csv", "image/svg+xml", "application/problem+json"];

    public static IServiceCollection AddDeliberationCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = MimeTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // The fastest levels: on two cores a page is served a thousand times a second; most of the gain is in the first pass.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, SafeCompression>();
        return services;
    }

    public static TBuilder Compressed<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CompressibleAttribute());

    private sealed class SafeCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context)
        {
            var request = context.Request;
            var endpoint = context.GetEndpoint();
            return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && context.User.Identity?.IsAuthenticated != true
                && (endpoint is null || endpoint.Metadata.GetMetadata<CompressibleAttribute>() is not null)
                && base.ShouldCompressResponse(context);
        }
    }
}

/// <summary>
/// <c>HEAD</c> answered wherever <c>GET</c> is: the request is routed and rendered as a <c>GET</c> (same status and
/// headers, so a cached page is served as it would be) and the body goes nowhere.
/// </summary>
public sealed class HeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }
        var body = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!;
        http.Request.Method = HttpMethods.Get;
        http.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(http);
        }
        finally
        {
            http.Features.Set(body);
            http.Request.Method = HttpMethods.Head;
        }
    }
}
