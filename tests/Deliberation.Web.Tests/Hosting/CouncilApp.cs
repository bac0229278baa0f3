using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Reminders;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// The real app on a fresh SQLite file with the demo council seeded (or on PostgreSQL, when a test asks for it).
/// Requests go through the whole pipeline: authentication, access rules, grains, event log.
/// </summary>
public class CouncilApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "lakeside-demo";

    // In memory where the machine offers it: the app syncs every commit to disk (as it must), and ~700 apps each writing
    // their demo council spent much of the suite waiting on a disk that is thrown away after the test. A process killed
    // with SIGKILL loses nothing there either: tmpfs lives as long as the machine.
    private static readonly string Scratch = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    private readonly string _folder = Path.Combine(Scratch, "deliberation-tests", Guid.NewGuid().ToString("n"));
    private readonly Dictionary<string, string?> _settings = new();

    private readonly string _environment;
    private bool _remindersOnTestClock;
    private bool _productionPasswordHashing;
    private Func<Deliberation.Runtime.EventLog.IEventLog, Deliberation.Runtime.EventLog.IEventLog>? _wrapLog;

    /// <param name="environment">Testing by default; Production to meet what a real site meets.</param>
    public CouncilApp(bool seedDemo = true, IDictionary<string, string?>? settings = null, string environment = "Testing")
    {
        _environment = environment;
        Directory.CreateDirectory(_folder);
        _settings["Storage:Provider"] = "sqlite";
        _settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "deliberation.db")}";
        _settings["Demo:Seed"] = seedDemo ? "true" : "false";
        // The demo's months of history only where a test asks for them (settings Demo:History = true).
        _settings["Demo:History"] = "false";
        // Tests sign in far more often than a person would; the limits themselves have their own test.
        _settings["RateLimits:SignInPerMinute"] = "1000";
        _settings["RateLimits:WrongPasswordsPerAccountAndAddress"] = "1000";
        _settings["RateLimits:RedeemPerMinute"] = "1000";
        _settings["RateLimits:SubmissionsPerHour"] = "1000";
        if (settings is not null)
            foreach (var (key, value) in settings) _settings[key] = value;
    }

    public string DatabasePath => Path.Combine(_folder, "deliberation.db");

    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Points this app at PostgreSQL instead of the SQLite file (a database the caller created).</summary>
    public CouncilApp UsePostgres(string connectionString)
    {
        _settings["Storage:Provider"] = "postgres";
        _settings["Storage:ConnectionString"] = connectionString;
        return this;
    }

    /// <summary>Starts on a copy of a database file (a fixture), as a site upgraded in place would.</summary>
    public CouncilApp UseCopyOf(string databaseFile)
    {
        File.Copy(databaseFile, DatabasePath, overwrite: true);
        return this;
    }

    /// <summary>
    /// Uses the SQLite file of another app: a restart of the same site. One process per database: stop the other app
    /// first, or let an app that is never started own the file (it deletes it when disposed).
    /// </summary>
    public CouncilApp UseDatabaseOf(CouncilApp earlier)
    {
        _settings["Storage:ConnectionString"] = $"Data Source={earlier.DatabasePath}";
        return this;
    }

    /// <summary>
    /// Orleans' reminder service runs on <see cref="Clock"/>, so a reminder due in days fires when the test moves it
    /// there; the rest of Orleans keeps real time. All of a test's reminders are held in memory from the start (no
    /// table refresh in between), so one armed before the clock moves is the one that fires.
    /// </summary>
    public CouncilApp WithRemindersOnTestClock()
    {
        _remindersOnTestClock = true;
        return this;
    }

    /// <summary>
    /// Hashes passwords with the production work factor. Every other app hashes with one iteration: the demo's fifteen
    /// accounts and each sign-in cost ~130 ms of CPU apiece at the production factor, which made password hashing most of
    /// the suite's time. Stored hashes carry their own iteration count, so either kind verifies in either app.
    /// </summary>
    public CouncilApp WithProductionPasswordHashing()
    {
        _productionPasswordHashing = true;
        return this;
    }

    /// <summary>Puts something between the app and its event log (a fault to inject), around the real one.</summary>
    public CouncilApp WrapEventLog(Func<Deliberation.Runtime.EventLog.IEventLog, Deliberation.Runtime.EventLog.IEventLog> wrap)
    {
        _wrapLog = wrap;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // The silo's cluster provider is chosen while the app is being built, before in-memory settings are added;
        // host settings (like the environment) are known from the start.
        foreach (var (key, value) in _settings.Where(s => s.Key.StartsWith("Cluster:", StringComparison.Ordinal) && s.Value is not null))
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddresses>();
            if (_wrapLog is { } wrap)
            {
                var real = services.Last(d => d.ServiceType == typeof(Deliberation.Runtime.EventLog.IEventLog));
                services.Remove(real);
                services.AddSingleton(sp => wrap((Deliberation.Runtime.EventLog.IEventLog)real.ImplementationFactory!(sp)));
            }
            if (!_productionPasswordHashing)
                services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = 1);
            if (!_remindersOnTestClock) return;
            services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, Clock.Timers);
            services.Configure<ReminderOptions>(options =>
            {
                options.RefreshReminderListPeriod = TimeSpan.FromDays(30);
                options.ReminderLoadingWindow = TimeSpan.FromDays(60);
            });
        });
    }

    /// <summary>
    /// A browser-like client: keeps cookies, does not follow redirects, talks https (cookies are Secure), and sends the
    /// <c>Origin</c> header a browser sends with this site's own writes (none with <paramref name="sameOrigin"/> false).
    /// With an <paramref name="address"/>, its requests come from that IP address.
    /// </summary>
    public HttpClient Visitor(string? address = null, bool sameOrigin = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        });
        if (sameOrigin) client.DefaultRequestHeaders.Add("Origin", "https://localhost");
        if (address is not null) client.DefaultRequestHeaders.Add(ClientAddresses.Header, address);
        return client;
    }

    /// <summary>A client signed in through the real sign-in endpoint.</summary>
    public async Task<HttpClient> SignedInAs(string login, string password = DemoPassword, string? address = null)
    {
        var client = Visitor(address);
        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { login, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in as {login} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The test server has no network, so a test says which address a request comes from with a header.</summary>
internal sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, then) =>
        {
            if (System.Net.IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address)) http.Connection.RemoteIpAddress = address;
            return then(http);
        });
        next(app);
    };
}
