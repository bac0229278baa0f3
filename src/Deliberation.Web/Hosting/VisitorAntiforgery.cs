using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Hosting;

/// <summary>
/// No antiforgery token, and so no cookie, on a public page read by a signed-out visitor. Blazor asks for tokens on
/// every page, form or none: as the answer starts (so that a form streamed in later has its cookie) and to put the
/// token into the page's component state (for interactive components, which only the live screens have). Each ask set
/// the antiforgery cookie and <c>Cache-Control: no-store</c>, so a visitor's item page, board or minutes could never
/// be kept by the output cache (an answer that sets a cookie is never stored), and every visitor without the cookie (a
/// first visit, a feed reader, a crawler, a load generator) got a page rendered afresh.
/// A page marked <see cref="CompressibleAttribute"/> declares that what a signed-out visitor gets has no form; for a
/// <c>GET</c>/<c>HEAD</c> by a signed-out caller of such a page, every ask is answered with no token and nothing is
/// stored. Should a form ever appear there for a visitor, it carries no token and its post fails (400): fails closed.
/// Everything else (sign-in and sign-up, every signed-in person, every post, every validation) is the framework's.
/// </summary>
public sealed class VisitorAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsVisitorReadOfFormlessPage(httpContext) ? None : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        IsVisitorReadOfFormlessPage(httpContext) ? None : inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private AntiforgeryTokenSet None => new(null, null, options.Value.FormFieldName, options.Value.HeaderName);

    /// <summary>Also true for <c>HEAD</c>, which <see cref="HeadRequests"/> hands on as a <c>GET</c>.</summary>
    public static bool IsVisitorReadOfFormlessPage(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.User.Identity?.IsAuthenticated != true
        && http.GetEndpoint()?.Metadata.GetMetadata<CompressibleAttribute>() is not null;
}

public static class VisitorAntiforgerySetup
{
    /// <summary>Wraps the framework's antiforgery (registered by AddAntiforgery and AddRazorComponents); call after both.</summary>
    public static IServiceCollection AddVisitorAntiforgery(this IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.RemoveAll<IAntiforgery>();
        services.AddSingleton<IAntiforgery>(sp => new VisitorAntiforgery(
            framework.ImplementationType is { } type ? (IAntiforgery)ActivatorUtilities.CreateInstance(sp, type)
                : framework.ImplementationFactory is { } factory ? (IAntiforgery)factory(sp)
                : (IAntiforgery)framework.ImplementationInstance!,
            sp.GetRequiredService<IOptions<AntiforgeryOptions>>()));
        return services;
    }
}
