using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deliberation.Bench.Shared;

/// <summary>
/// The real app as the benches host it in their own process: Production, on Kestrel at 127.0.0.1 on a free port, on the
/// given storage, without the demo council, its rate limits out of the way (one client sends for thousands of people),
/// and only warnings in the log so that the figures are the app's work, not the console's.
/// </summary>
public static class BenchApp
{
    /// <param name="settings">A bench's own settings beside these (a staff sign-in issuer, say).</param>
    public static WebApplicationBuilder Builder(string provider, string connection, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = AppBuilder.Arguments([]), EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connection,
            ["Demo:Seed"] = "false",
            ["RateLimits:SignInPerMinute"] = "1000000",
            ["RateLimits:RedeemPerMinute"] = "1000000",
            ["RateLimits:SubmissionsPerHour"] = "1000000",
        }.Concat(settings ?? new Dictionary<string, string?>()));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder;
    }
}
