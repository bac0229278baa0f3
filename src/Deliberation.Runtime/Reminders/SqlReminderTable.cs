using Deliberation.Runtime.EventLog;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Deliberation.Runtime.Reminders;

/// <summary>
/// Orleans' reminder table in our own database (SQLite or PostgreSQL, one ADO.NET code path), so a due date survives a
/// restart without a second store to run. Rows belong to the silo's service id, so two services may share a database.
/// Every write gives the row a new ETag; a removal names the ETag it read and fails if the row changed since.
/// </summary>
public sealed class SqlReminderTable : IReminderTable, IAsyncDisposable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ticks, etag";

    private readonly SqlDialect _dialect;
    private readonly string _serviceId;

    /// <param name="storage">The same database settings as the event log's.</param>
    /// <param name="cluster">Whose reminders these are: rows are kept per <see cref="ClusterOptions.ServiceId"/>.</param>
    public SqlReminderTable(EventLogOptions storage, IOptions<ClusterOptions> cluster)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(cluster);
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            throw new ArgumentException("The reminder table needs the database's connection string.", nameof(storage));
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster.Value.ServiceId, nameof(cluster));
        _dialect = EventLogFactory.CreateDialect(storage);
        _serviceId = cluster.Value.ServiceId;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => EnsureSchemaAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync("grain_id = @grain", ("@grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        // (begin, end]; when begin >= end the range wraps around the ring, past uint.MaxValue to zero.
        QueryAsync(begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)",
            ("@begin", (long)begin), ("@end", (long)end));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await QueryAsync("grain_id = @grain AND reminder_name = @name",
            ("@grain", grainId.ToString()), ("@name", reminderName)).ConfigureAwait(false);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("n");
        await ExecuteAsync(
            $"""
            INSERT INTO reminders (service_id, grain_hash, {Columns})
            VALUES (@service, @hash, @grain, @name, @start, @period, @etag)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                grain_hash = excluded.grain_hash, start_at = excluded.start_at,
                period_ticks = excluded.period_ticks, etag = excluded.etag
            """,
            ("@hash", (long)entry.GrainId.GetUniformHashCode()), ("@grain", entry.GrainId.ToString()),
            ("@name", entry.ReminderName), ("@start", _dialect.TimeValue(new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)))),
            ("@period", entry.Period.Ticks), ("@etag", etag)).ConfigureAwait(false);
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        await ExecuteAsync("DELETE FROM reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND etag = @etag",
            ("@grain", grainId.ToString()), ("@name", reminderName), ("@etag", eTag ?? "")).ConfigureAwait(false) == 1;

    public Task TestOnlyClearTable() => ExecuteAsync("DELETE FROM reminders WHERE service_id = @service");

    private async Task<ReminderTableData> QueryAsync(string condition, params (string Name, object Value)[] parameters)
    {
        await EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null,
            $"SELECT {Columns} FROM reminders WHERE service_id = @service AND {condition}", [("@service", _serviceId), .. parameters]);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = _dialect.ReadTime(reader, 2).UtcDateTime,
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }
        return new ReminderTableData(entries);
    }

    private async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null, sql, [("@service", _serviceId), .. parameters]);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>The same idempotent schema as the event log's (its statements include the reminders table), so
    /// whichever starts first creates everything.</summary>
    private Task EnsureSchemaAsync(CancellationToken ct) => _dialect.EnsureSchemaAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_dialect is IAsyncDisposable disposable) await disposable.DisposeAsync().ConfigureAwait(false);
    }
}
