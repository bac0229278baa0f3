using Deliberation.Web.Grains;
using Deliberation.Web.Accounts;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Deliberation.Web.Hosting;

/// <summary>
/// <c>/healthz</c>: whether this node can serve (its database answers; its silo is an active member of the cluster), as
/// <c>{status, checks:[{name, status}]}</c>, 503 when unhealthy. <c>/healthz/live</c>: only that the process answers.
/// Both public, so they say nothing but names and statuses.
/// </summary>
public static class Health
{
    public const string Path = "/healthz";
    public const string LivePath = "/healthz/live";

    public static IServiceCollection AddDeliberationHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SiloHealthCheck>("silo", timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IEndpointRouteBuilder MapDeliberationHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, Options(_ => true)).Access(Audience.Public).ExcludeFromDescription();
        app.MapHealthChecks(LivePath, Options(_ => false)).Access(Audience.Public).ExcludeFromDescription();
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static Task WriteAsync(HttpContext http, HealthReport report) => http.Response.WriteAsJsonAsync(new
    {
        status = Name(report.Status),
        checks = report.Entries.Select(entry => new { name = entry.Key, status = Name(entry.Value.Status) }),
    });

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
