namespace Deliberation.Runtime.EventLog;

/// <summary>
/// The <c>dues</c> table: which streams fall due and when, written with the append that set or cleared the due time, so
/// it is never out of step with the log, and read by due time through its index.
/// </summary>
internal sealed partial class SqlEventLog
{
    /// <summary>Adds to the flush's batch the due times its appends set (upserted) or cleared (deleted).</summary>
    private void AddDues(SqlBatch batch, IEnumerable<StreamSummary?> summaries)
    {
        var kept = summaries.OfType<StreamSummary>().Where(s => s.MayFallDue).ToList();
        foreach (var chunk in kept.Where(s => s.DueAt is not null).Chunk(_dialect.RowsPerStatement))
        {
            var upsert = new SqlStatement("INSERT INTO dues (stream_id, category, due_at) VALUES ");
            for (var i = 0; i < chunk.Length; i++)
                upsert.Append(i == 0 ? "" : ", ").BindList([chunk[i].StreamId, chunk[i].Category, _dialect.TimeValue(chunk[i].DueAt!.Value)]);
            batch.Add(upsert.Append(" ON CONFLICT (stream_id) DO UPDATE SET category = excluded.category, due_at = excluded.due_at"));
        }
        foreach (var chunk in kept.Where(s => s.DueAt is null).Chunk(_dialect.RowsPerStatement))
            batch.Add(new SqlStatement("DELETE FROM dues WHERE stream_id IN ").BindList(chunk.Select(s => (object)s.StreamId)));
    }

    public async Task<IReadOnlyList<StreamDue>> ListDueAsync(StreamDue? after, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = after is null
            ? Command(connection, null, "SELECT stream_id, category, due_at FROM dues ORDER BY due_at, stream_id LIMIT @limit",
                ("@limit", limit))
            : Command(connection, null,
                "SELECT stream_id, category, due_at FROM dues WHERE due_at > @at OR (due_at = @at AND stream_id > @stream) " +
                "ORDER BY due_at, stream_id LIMIT @limit",
                ("@at", _dialect.TimeValue(after.DueAt)), ("@stream", after.StreamId), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var dues = new List<StreamDue>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            dues.Add(new StreamDue(reader.GetString(0), reader.GetString(1), _dialect.ReadTime(reader, 2)));
        return dues;
    }
}
