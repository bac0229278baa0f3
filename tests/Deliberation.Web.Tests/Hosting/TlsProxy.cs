namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// What nginx does in docs/operations.md: the browser talks https to it, it talks plain http to the app and says so in
/// <c>X-Forwarded-Proto</c>, with the browser's address in <c>X-Forwarded-For</c> and the original <c>Host</c>. The
/// connection to the app comes from the proxy's own address.
/// </summary>
public sealed class TlsProxy(string proxyAddress, string clientAddress) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.RequestUri = new UriBuilder(original) { Scheme = Uri.UriSchemeHttp, Port = -1 }.Uri;
        request.Headers.Remove("X-Forwarded-For");
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Remove("X-Forwarded-Proto");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Remove(ClientAddresses.Header);
        request.Headers.Add(ClientAddresses.Header, proxyAddress);
        try { return await base.SendAsync(request, cancellationToken); }
        // The browser's side of the proxy stays https, so its cookie jar keeps treating the site as https.
        finally { request.RequestUri = original; }
    }
}
