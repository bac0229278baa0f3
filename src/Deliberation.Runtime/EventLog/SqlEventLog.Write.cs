using System.Data.Common;

namespace Deliberation.Runtime.EventLog;

/// <summary>
/// One flush in one transaction, in few round trips: read (and on PostgreSQL lock) the catalogue rows of every stream
/// the flush touches, decide each request in memory, then send all catalogue changes and event rows as one batch.
/// </summary>
internal sealed partial class SqlEventLog
{
    private const string EventInsert = "INSERT INTO events (stream_id, sequence, event_type, actor, occurred_at, payload, previous_hash, hash) VALUES ";
    private const string StreamInsert = "INSERT INTO streams (stream_id, category, scope, version, summary, updated_at) VALUES ";

    /// <summary>Writes the requests in one transaction. Each outcome is the request's envelopes or its conflict.</summary>
    private async Task<object[]> WriteAsync(IReadOnlyList<WriteRequest> requests)
    {
        using var flush = EventLogTelemetry.StartFlush(_dialect.Name, requests.Count);
        await using var connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        using var turn = await _dialect.WriterTurnAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var streams = await ReadStatesAsync(connection, transaction, requests).ConfigureAwait(false);
        var outcomes = new object[requests.Count];
        var events = new List<EventEnvelope>();
        for (var i = 0; i < requests.Count; i++) outcomes[i] = Decide(requests[i], streams, events);
        if (events.Count > 0) await WriteRowsAsync(connection, transaction, streams, events).ConfigureAwait(false);
        try
        {
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (!_dialect.IsUniqueViolation(e))
        {
            // Sent and not confirmed: the database may have committed it before the connection failed.
            throw new WriteOutcomeUnknownException(
                $"The commit of {requests.Count} append(s) failed before it was confirmed; {WriteOutcomeUnknownException.Advice}.", e);
        }
        Interlocked.Increment(ref _batchesCommitted);
        flush.Committed(events.Count);
        return outcomes;
    }

    /// <summary>
    /// A request takes effect whole or not at all (what a savepoint per request gave): its changes are gathered apart
    /// and merged only when none of its appends conflicts, so a stale request writes nothing and the rest still commit.
    /// </summary>
    private static object Decide(WriteRequest request, Dictionary<string, StreamState> streams, List<EventEnvelope> events)
    {
        var changed = new Dictionary<string, StreamState>(StringComparer.Ordinal);
        var added = new List<EventEnvelope>();
        var results = new IReadOnlyList<EventEnvelope>[request.Appends.Length];
        for (var a = 0; a < request.Appends.Length; a++)
        {
            var append = request.Appends[a];
            var state = changed.TryGetValue(append.StreamId, out var pending) ? pending : streams[append.StreamId];
            if (state.Version != append.ExpectedVersion)
                return new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, state.Version);
            var previous = state.Hash ?? throw new InvalidOperationException(
                $"Stream '{append.StreamId}' is at version {append.ExpectedVersion} but that event is missing.");
            var stored = new EventEnvelope[append.Events.Count];
            for (var i = 0; i < stored.Length; i++)
            {
                var e = append.Events[i];
                var sequence = append.ExpectedVersion + i + 1;
                var occurredAt = EventHasher.Normalize(e.OccurredAt);
                var hash = EventHasher.Compute(previous, append.StreamId, sequence, e.EventType, e.Actor, occurredAt, e.Payload);
                stored[i] = new EventEnvelope(append.StreamId, sequence, e.EventType, e.Actor, occurredAt, e.Payload, previous, hash);
                previous = hash;
            }
            results[a] = stored;
            added.AddRange(stored);
            changed[append.StreamId] = state with
            {
                Version = append.ExpectedVersion + stored.Length,
                Hash = previous,
                Summary = append.Summary ?? state.Summary,
                // A new catalogue row without a summary is stamped with its first append's last event, as before.
                FirstOccurred = state.FirstOccurred ?? append.Events[^1].OccurredAt,
            };
        }
        foreach (var (id, state) in changed) streams[id] = state;
        events.AddRange(added);
        return results;
    }

    /// <summary>
    /// The version and last hash of each stream. PostgreSQL first locks the catalogue rows (in stream order), so a
    /// concurrent writer waits; the read after it, in the same round trip, sees what that writer committed.
    /// </summary>
    private async Task<Dictionary<string, StreamState>> ReadStatesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<WriteRequest> requests)
    {
        var streams = new Dictionary<string, StreamState>(StringComparer.Ordinal);
        var ids = requests.SelectMany(r => r.Appends).Select(a => a.StreamId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in ids.Chunk(_dialect.RowsPerStatement))
        {
            var batch = new SqlBatch(connection, transaction);
            if (_dialect.RowLockClause is { } rowLock)
                batch.Add(new SqlStatement("SELECT stream_id FROM streams WHERE stream_id IN ").BindList(chunk).Append($" ORDER BY stream_id {rowLock}"));
            batch.Add(new SqlStatement("SELECT s.stream_id, s.version, e.hash FROM streams s " +
                "LEFT JOIN events e ON e.stream_id = s.stream_id AND e.sequence = s.version WHERE s.stream_id IN ").BindList(chunk));
            var last = batch.Count - 1;
            await batch.ReadAsync((statement, reader) =>
            {
                if (statement != last) return;
                var version = reader.GetInt64(1);
                var hash = version == 0 ? EventHasher.GenesisHash : reader.IsDBNull(2) ? null : reader.GetString(2);
                streams[reader.GetString(0)] = new StreamState(true, version, version, hash);
            }).ConfigureAwait(false);
        }
        // No catalogue row (the catalogue is derived and may have been cleared): the events decide, for appends that
        // expect some. An append expecting 0 is checked by UNIQUE(stream_id, sequence), as before.
        var uncatalogued = requests.SelectMany(r => r.Appends)
            .Where(a => a.ExpectedVersion > 0 && !streams.ContainsKey(a.StreamId))
            .Select(a => a.StreamId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in uncatalogued.Chunk(_dialect.RowsPerStatement))
        {
            var batch = new SqlBatch(connection, transaction).Add(new SqlStatement("SELECT e.stream_id, e.sequence, e.hash FROM events e " +
                "WHERE e.sequence = (SELECT MAX(m.sequence) FROM events m WHERE m.stream_id = e.stream_id) AND e.stream_id IN ").BindList(chunk));
            await batch.ReadAsync((_, reader) =>
                streams[reader.GetString(0)] = new StreamState(false, reader.GetInt64(1), reader.GetInt64(1), reader.GetString(2))).ConfigureAwait(false);
        }
        foreach (var id in ids) streams.TryAdd(id, new StreamState(false, 0, 0, EventHasher.GenesisHash));
        return streams;
    }

    /// <summary>Catalogue updates, then new catalogue rows, then the events, in one batch.</summary>
    private async Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, Dictionary<string, StreamState> streams, List<EventEnvelope> events)
    {
        var batch = new SqlBatch(connection, transaction);
        var expected = new List<int>();
        var changed = streams.Where(s => s.Value.Version != s.Value.ReadVersion).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        foreach (var (id, state) in changed.Where(s => s.Value.InCatalogue))
        {
            var update = new SqlStatement("UPDATE streams SET version = ").Bind(state.Version);
            if (state.Summary is { } summary)
                update.Append(", category = ").Bind(summary.Category).Append(", scope = ").Bind(summary.Scope)
                    .Append(", summary = ").Bind(summary.Summary).Append(", updated_at = ").Bind(_dialect.TimeValue(summary.UpdatedAt));
            batch.Add(update.Append(" WHERE stream_id = ").Bind(id).Append(" AND version = ").Bind(state.ReadVersion));
            expected.Add(1);
        }
        foreach (var chunk in changed.Where(s => !s.Value.InCatalogue).Chunk(_dialect.RowsPerStatement))
        {
            var insert = new SqlStatement(StreamInsert);
            for (var i = 0; i < chunk.Length; i++)
            {
                var (id, state) = chunk[i];
                var summary = state.Summary;
                insert.Append(i == 0 ? "" : ", ").BindList([id, summary?.Category ?? "", summary?.Scope ?? "", state.Version,
                    summary?.Summary ?? "", _dialect.TimeValue(summary?.UpdatedAt ?? state.FirstOccurred!.Value)]);
            }
            batch.Add(insert.Append(" ON CONFLICT (stream_id) DO NOTHING"));
            expected.Add(chunk.Length);
        }
        AddDues(batch, changed.Select(s => s.Value.Summary));
        // After the catalogue statements, whose rows affected are checked by index below.
        if (_dialect.PositionLockStatement is { } positionLock) batch.Add(new SqlStatement(positionLock));
        foreach (var chunk in events.Chunk(_dialect.RowsPerStatement))
        {
            var insert = new SqlStatement(EventInsert);
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                insert.Append(i == 0 ? "" : ", ").BindList([e.StreamId, e.Sequence, e.EventType, e.Actor, _dialect.TimeValue(e.OccurredAt),
                    e.Payload, e.PreviousHash, e.Hash]);
            }
            batch.Add(insert);
        }
        var affected = await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
        for (var i = 0; i < expected.Count; i++)
            if (affected[i] != expected[i]) throw new CatalogueChangedException();
    }

    /// <param name="InCatalogue">Whether the stream has a catalogue row (else one is inserted).</param>
    /// <param name="ReadVersion">The version read at the start of the flush.</param>
    /// <param name="Version">The version after the appends decided so far.</param>
    /// <param name="Hash">The hash of the event at <paramref name="Version"/>; null if that event is missing.</param>
    private sealed record StreamState(bool InCatalogue, long ReadVersion, long Version, string? Hash)
    {
        public StreamSummary? Summary { get; init; }
        public DateTimeOffset? FirstOccurred { get; init; }
    }

    /// <summary>Another writer changed or created a catalogue row this flush read; treated like a unique violation.</summary>
    private sealed class CatalogueChangedException() : Exception("A stream's catalogue row changed while the batch was written.");
}
