using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Deliberation.Web.Hosting;

/// <summary>Limits on the endpoints that guessing or flooding would abuse.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Wrong passwords for one login from one address per 15 minutes; below the lockout's count on purpose.</summary>
    public int WrongPasswordsPerAccountAndAddress { get; set; } = 3;
    public int RedeemPerMinute { get; set; } = 10;
    public int SubmissionsPerHour { get; set; } = 30;
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Redeem = "redeem";
    public const string Submission = "submission";

    public static IServiceCollection AddDeliberationRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
                await ProblemTypes.Problem(context.HttpContext, 429, ProblemTypes.RateLimited, "Too many requests",
                        "Too many attempts. Wait a minute and try again.",
                        context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1))
                    .ExecuteAsync(context.HttpContext);
            options.AddPolicy(SignIn, http => Window(ByAddress(http), Limits(http).SignInPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(Redeem, http => Window(ByAddress(http), Limits(http).RedeemPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(Submission, http => Window(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ByAddress(http), Limits(http).SubmissionsPerHour, TimeSpan.FromHours(1)));
        });
        return services;
    }

    private static RateLimitOptions Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    private static string ByAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}
