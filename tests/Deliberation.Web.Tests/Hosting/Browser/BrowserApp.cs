using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Deliberation.Web.Tests.Hosting.Browser;

/// <summary>
/// The real app on a real Kestrel port (a browser needs a socket, not the test server) with the demo council, and
/// Debian's Chromium driven by Playwright. Each person gets a browser context of their own (own cookies), signed in
/// through the real sign-in page. Runs as <c>dotnet run</c> does (Development: plain http on localhost, the framework's
/// script from the build output). Reused by every browser test.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>No network, no downloads, no background work: only what the pages themselves ask for.</summary>
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly List<IBrowserContext> _contexts = [];

    private BrowserApp(CouncilApp app, Uri address, IPlaywright playwright, IBrowser browser) =>
        (App, Address, Playwright, Browser) = (app, address, playwright, browser);

    public CouncilApp App { get; }

    /// <summary>Where the app listens, as <c>http://localhost:port/</c>.</summary>
    public Uri Address { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static async Task<BrowserApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var app = new CouncilApp(settings: settings, environment: "Development");
        app.UseKestrel(0);
        app.StartServer();
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var address = new UriBuilder(bound) { Host = "localhost", Path = "/" }.Uri;
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs,
        });
        return new BrowserApp(app, address, playwright, browser);
    }

    /// <summary>
    /// A page in a browser context of its own, signed in as <paramref name="login"/> (signed out when null).
    /// <paramref name="bypassCsp"/> only for injecting axe-core: the site's policy refuses foreign scripts.
    /// </summary>
    public async Task<IPage> PageAsync(string? login = null, bool bypassCsp = false, string? path = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(), Locale = "zh-CN", BypassCSP = bypassCsp, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Record($"{page.Url} console {message.Type}: {message.Text}");
        page.PageError += (_, error) => Record($"{page.Url} error: {error}");
        page.WebSocket += (_, socket) => socket.Close += (_, _) => Record($"{page.Url} websocket closed: {socket.Url}");
        if (login is not null)
        {
            await page.GotoAsync("/account/sign-in");
            await page.FillAsync("#login", login);
            await page.FillAsync("#password", CouncilApp.DemoPassword);
            await page.ClickAsync("form.stack button[type=submit]");
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));
            }
            catch (TimeoutException e)
            {
                // Once in a full run a sign-in stayed on its page: say what the page showed and what the browsers logged.
                var shown = await page.InnerTextAsync("body", new() { Timeout = 5_000 });
                throw new TimeoutException($"Signing in as {login} stayed on {page.Url}, showing: {shown}{Environment.NewLine}" +
                    $"The browsers said:{Environment.NewLine}{string.Join(Environment.NewLine, Log)}", e);
            }
        }
        if (path is not null) await page.GotoAsync(path);
        return page;
    }

    /// <summary>What the pages logged to their console, their errors and closed sockets: the story when a test fails.</summary>
    public IReadOnlyList<string> Log { get { lock (_log) return [.. _log]; } }

    private readonly List<string> _log = [];

    private void Record(string line)
    {
        lock (_log) _log.Add(line);
    }

    /// <summary>Waits until the page's live screen has its circuit (Blazor started and subscribed to the meeting).</summary>
    public async Task WaitUntilLiveAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.querySelector('[data-live-ready]') !== null");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{page.Url} did not go live. The browsers said:{Environment.NewLine}{string.Join(Environment.NewLine, Log)}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await Browser.CloseAsync();
        Playwright.Dispose();
        App.Dispose();
    }
}
