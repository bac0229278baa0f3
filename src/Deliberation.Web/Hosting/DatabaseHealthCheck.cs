using Deliberation.Runtime.EventLog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Deliberation.Web.Hosting;

/// <summary>Whether the event log's database answers a <c>SELECT 1</c> on a connection of its own.</summary>
public sealed class DatabaseHealthCheck(IEventLog log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (log is not IEventLogProbe probe) return HealthCheckResult.Healthy("This event log has no database to ask.");
        try
        {
            await probe.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception goes to the log; the public answer names only the check.
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.", ex);
        }
    }
}
