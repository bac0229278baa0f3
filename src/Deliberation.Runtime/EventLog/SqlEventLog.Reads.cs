using System.Data.Common;

namespace Deliberation.Runtime.EventLog;

internal sealed partial class SqlEventLog
{
    private const string EnvelopeColumns = "stream_id, sequence, event_type, actor, occurred_at, payload, previous_hash, hash";
    private const string SummaryColumns = "stream_id, category, scope, version, summary, updated_at";

    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long afterSequence = 0, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT {EnvelopeColumns} FROM events WHERE stream_id = @stream AND sequence > @after ORDER BY sequence",
            ("@stream", streamId), ("@after", afterSequence));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var events = new List<EventEnvelope>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) events.Add(ReadEnvelope(reader));
        return events;
    }

    public async Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string category, string? scope = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(category);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = scope is null
            ? Command(connection, null, $"SELECT {SummaryColumns} FROM streams WHERE category = @category ORDER BY stream_id",
                ("@category", category))
            : Command(connection, null, $"SELECT {SummaryColumns} FROM streams WHERE category = @category AND scope = @scope ORDER BY stream_id",
                ("@category", category), ("@scope", scope));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<StreamSummary>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) rows.Add(ReadSummary(reader));
        return rows;
    }

    public async Task<StreamSummary?> GetSummaryAsync(string streamId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {SummaryColumns} FROM streams WHERE stream_id = @stream",
            ("@stream", streamId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadSummary(reader) : null;
    }

    public async Task<ChainVerification> VerifyStreamAsync(string streamId, CancellationToken ct = default)
    {
        var events = await ReadStreamAsync(streamId, 0, ct).ConfigureAwait(false);
        var previous = EventHasher.GenesisHash;
        long checkedCount = 0;
        foreach (var e in events)
        {
            var expectedSequence = checkedCount + 1;
            if (e.Sequence != expectedSequence)
                return new ChainVerification(false, checkedCount, expectedSequence, $"Sequence {expectedSequence} is missing (found {e.Sequence}).");
            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
                return new ChainVerification(false, checkedCount, e.Sequence, $"Event {e.Sequence} does not link to the hash of the event before it.");
            var recomputed = EventHasher.Compute(e);
            if (!string.Equals(recomputed, e.Hash, StringComparison.Ordinal))
                return new ChainVerification(false, checkedCount, e.Sequence, $"Event {e.Sequence} does not match its stored hash (its content was changed).");
            previous = e.Hash;
            checkedCount++;
        }
        return new ChainVerification(true, checkedCount, null, null);
    }

    private EventEnvelope ReadEnvelope(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        _dialect.ReadTime(reader, 4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7));

    private StreamSummary ReadSummary(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetInt64(3),
        reader.GetString(4),
        _dialect.ReadTime(reader, 5));
}
