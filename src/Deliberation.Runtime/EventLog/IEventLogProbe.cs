namespace Deliberation.Runtime.EventLog;

/// <summary>Whether the event log's database answers now; for health checks.</summary>
public interface IEventLogProbe
{
    /// <summary>Opens a connection and runs <c>SELECT 1</c>; throws when the database does not answer.</summary>
    Task ProbeAsync(CancellationToken ct = default);
}
