namespace Deliberation.Runtime.EventLog;

/// <summary>
/// The one-time fill of the <c>dues</c> table for a database written before it existed: its streams that fall due have
/// no row there, so nothing would wake them until a command touched them. Whoever knows the streams' due times (their
/// grains) lists the streams with no row, writes the rows it finds, and marks the fill done, once per database.
/// </summary>
public interface IDuesBackfill
{
    /// <summary>
    /// Whether the fill is done, or was never needed: a database whose log was empty when this code first opened it has
    /// had every due time written with its events.
    /// </summary>
    Task<bool> IsDuesBackfilledAsync(CancellationToken ct = default);

    /// <summary>The streams of a category that have no <c>dues</c> row, by stream id after <paramref name="afterStreamId"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListStreamsWithoutDueAsync(string category, string? afterStreamId, int limit, CancellationToken ct = default);

    /// <summary>
    /// Writes each due time whose stream is still at the version it was read at and has no row yet: an append since then
    /// has set or cleared the row itself, and it is the newer word. Returns how many rows were written.
    /// </summary>
    Task<int> BackfillDuesAsync(IReadOnlyList<StreamDueAtVersion> dues, CancellationToken ct = default);

    /// <summary>Records that the fill is done, so that it never runs again on this database.</summary>
    Task MarkDuesBackfilledAsync(CancellationToken ct = default);
}

/// <summary>A stream's due time as its aggregate said at <paramref name="Version"/>.</summary>
public sealed record StreamDueAtVersion(string StreamId, DateTimeOffset DueAt, long Version);
