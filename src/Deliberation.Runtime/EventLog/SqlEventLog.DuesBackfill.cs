namespace Deliberation.Runtime.EventLog;

/// <summary>The <c>dues</c> table's one-time fill (<see cref="IDuesBackfill"/>), in SQL both databases read alike.</summary>
internal sealed partial class SqlEventLog : IDuesBackfill
{
    /// <summary>The row of the <c>upgrades</c> table that says the fill is done (or was never needed).</summary>
    internal const string DuesBackfilled = "dues-backfilled";

    public async Task<bool> IsDuesBackfilledAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM upgrades WHERE name = @name", ("@name", DuesBackfilled));
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<IReadOnlyList<string>> ListStreamsWithoutDueAsync(string category, string? afterStreamId, int limit, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT s.stream_id FROM streams s WHERE s.category = @category AND s.stream_id > @after " +
            "AND NOT EXISTS (SELECT 1 FROM dues d WHERE d.stream_id = s.stream_id) ORDER BY s.stream_id LIMIT @limit",
            ("@category", category), ("@after", afterStreamId ?? ""), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var streams = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) streams.Add(reader.GetString(0));
        return streams;
    }

    public async Task<int> BackfillDuesAsync(IReadOnlyList<StreamDueAtVersion> dues, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dues);
        if (dues.Count == 0) return 0;
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var batch = new SqlBatch(connection, transaction);
        // Conditional on the catalogue's version: the row is written only for the state the grain was read in. Nothing
        // is overwritten: a row already there was written by an append, in step with the log.
        foreach (var due in dues)
            batch.Add(new SqlStatement("INSERT INTO dues (stream_id, category, due_at) SELECT stream_id, category, ")
                .Bind(_dialect.TimeValue(due.DueAt)).Append(" FROM streams WHERE stream_id = ").Bind(due.StreamId)
                .Append(" AND version = ").Bind(due.Version).Append(" ON CONFLICT (stream_id) DO NOTHING"));
        var written = (await batch.ExecuteNonQueryAsync().ConfigureAwait(false)).Sum();
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return written;
    }

    public async Task MarkDuesBackfilledAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, "INSERT INTO upgrades (name) VALUES (@name) ON CONFLICT (name) DO NOTHING",
            ("@name", DuesBackfilled));
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
