using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Deliberation.Web.Hosting;

/// <summary>
/// The TLS-terminating proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the app believes. None by
/// default, loopback included: a header anyone can send is only believed from an address the operator named.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Proxy addresses, e.g. <c>127.0.0.1</c> for nginx on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation, e.g. <c>10.0.0.0/24</c> for a load balancer pool.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class Proxies
{
    public static IServiceCollection AddDeliberationProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((options, proxy) =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // The obsolete list is still consulted and holds loopback by default.
#pragma warning disable ASPDEPR005
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var address in proxy.Value.KnownProxies.Where(a => !string.IsNullOrWhiteSpace(a)))
                options.KnownProxies.Add(IPAddress.Parse(address.Trim()));
            foreach (var network in proxy.Value.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            // Empty lists would make the middleware believe everyone, so without a named proxy it reads nothing.
            options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });
        return services;
    }
}
