using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// The site as docs/operations.md runs it: in Production, behind nginx ending TLS at 10.0.0.2 and named in
/// <c>Proxy:KnownProxies</c>. Browsers reach every form page; forwarded headers from anyone else are not believed.
/// </summary>
public sealed class BehindProxyTests
{
    private const string Proxy = "10.0.0.2";

    public static TheoryData<string?, string> FormPages => new()
    {
        { null, "/account/sign-in" },
        { null, "/account/sign-up" },
        { "visitor", "/account/join" },
        { "resident", "/councils/lakeside/items/new" },
        { "resident", "/councils/lakeside/items/item-demo-kiosks" },
        { "resident", "/account/following" },
        { "clerk", "/councils/lakeside/items/item-demo-lights" },
        { "clerk", "/councils/lakeside/meetings/new" },
        { "clerk", "/councils/lakeside/people" },
        { "clerk", "/councils/lakeside/invitations" },
        { "clerk", "/councils/lakeside" },
        { "chair", "/councils/lakeside/meetings/meeting-demo-next" },
        { "chair", "/" },
    };

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task ServesEveryFormPageInProductionBehindATlsProxyWithASecureAntiforgeryCookie(string? login, string path)
    {
        using var app = new CouncilApp(settings: Settings(("Proxy:KnownProxies:0", Proxy)), environment: "Production");
        var browser = Browser(app, Proxy, "198.51.100.7");
        if (login is not null) await SignInThroughTheFormAsync(browser, login);

        var response = await browser.GetAsync(path);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} as {login}: {(int)response.StatusCode} {html}");
        Assert.NotEmpty(Html.AntiforgeryToken(html));
        if (login is null)
        {
            var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deliberation.antiforgery="));
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task CountsSignInAttemptsPerBrowserBehindAKnownProxy()
    {
        using var app = new CouncilApp(settings: Settings(("Proxy:KnownProxies:0", Proxy), ("RateLimits:SignInPerMinute", "2")),
            environment: "Production");

        await GuessTwiceAsync(Browser(app, Proxy, "198.51.100.7"));

        // Another villager behind the same proxy is not held back by the first one's guesses.
        await (await Browser(app, Proxy, "198.51.100.8").Post("/api/account/sign-in", new { login = "nobody", password = "guess-guess" }))
            .ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("10.0.0.9", Proxy)] // forwarded by someone the site does not know
    [InlineData("127.0.0.1", null)] // no proxy configured: not even loopback is believed
    public async Task BelievesNoForwardedHeadersFromAnAddressNotNamedAsAProxy(string from, string? knownProxy)
    {
        using var app = new CouncilApp(settings: Settings(("Proxy:KnownProxies:0", knownProxy), ("RateLimits:SignInPerMinute", "2")),
            environment: "Production");

        await GuessTwiceAsync(Browser(app, from, "198.51.100.7"));

        // A made-up X-Forwarded-For does not buy a fresh allowance: the limit counts the connection's own address.
        await (await Browser(app, from, "198.51.100.8").Post("/api/account/sign-in", new { login = "nobody", password = "guess-guess" }))
            .ExpectProblem(HttpStatusCode.TooManyRequests);
    }

    private static async Task GuessTwiceAsync(HttpClient browser)
    {
        for (var attempt = 0; attempt < 2; attempt++)
            await (await browser.Post("/api/account/sign-in", new { login = "nobody", password = "guess-guess" })).ExpectProblem(HttpStatusCode.Unauthorized);
        await (await browser.Post("/api/account/sign-in", new { login = "nobody", password = "guess-guess" })).ExpectProblem(HttpStatusCode.TooManyRequests);
    }

    /// <summary>A browser with its cookie jar on the https side of a proxy at <paramref name="proxyAddress"/>.</summary>
    private static HttpClient Browser(CouncilApp app, string proxyAddress, string clientAddress) =>
        app.CreateDefaultClient(new Uri("https://deliberation.example.org"), new CookieContainerHandler(), new TlsProxy(proxyAddress, clientAddress));

    private static async Task SignInThroughTheFormAsync(HttpClient browser, string login)
    {
        var token = Html.AntiforgeryToken(await browser.GetStringAsync("/account/sign-in"));
        var response = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Form.Login"] = login, ["Form.Password"] = CouncilApp.DemoPassword,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {login}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] settings) =>
        settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value);
}
