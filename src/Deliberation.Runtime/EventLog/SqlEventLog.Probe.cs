namespace Deliberation.Runtime.EventLog;

internal sealed partial class SqlEventLog : IEventLogProbe
{
    public async Task ProbeAsync(CancellationToken ct = default)
    {
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT 1");
        await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }
}
