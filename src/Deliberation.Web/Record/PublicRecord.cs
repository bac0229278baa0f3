using Deliberation.Runtime.Projections;

namespace Deliberation.Web.Record;

/// <summary>A public stream's head: its last sequence and that event's hash.</summary>
public sealed record StreamHead(string StreamId, string Kind, long Sequence, string Hash);

/// <summary>What the public record holds for a council, read from <see cref="RecordProjection"/>.</summary>
public static class PublicRecord
{
    private const string PublicStreams =
        "SELECT s.stream_id, s.kind, s.sequence, s.head_hash FROM record_streams s " +
        "LEFT JOIN record_streams i ON i.stream_id = s.item_stream AND i.council_id = s.council_id " +
        "WHERE s.council_id = @council AND s.disclosed = 1 AND (s.item_stream = '' OR i.disclosed = 1)";

    /// <summary>The council's public streams with their heads, ordered by stream id (ordinal, the same on both databases).</summary>
    public static async Task<IReadOnlyList<StreamHead>> HeadsAsync(ProjectionRunner readSide, string councilId)
    {
        var heads = await readSide.QueryAsync(RecordProjection.ProjectionName, PublicStreams,
            row => new StreamHead(row.GetString(0), row.GetString(1), row.GetInt64(2), row.GetString(3)), ("@council", councilId));
        return heads.OrderBy(h => h.StreamId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the stream is one of the council's public streams.</summary>
    public static async Task<bool> IsPublicAsync(ProjectionRunner readSide, string councilId, string streamId) =>
        (await readSide.QueryAsync(RecordProjection.ProjectionName, PublicStreams + " AND s.stream_id = @stream",
            row => row.GetString(0), ("@council", councilId), ("@stream", streamId))).Count == 1;

    /// <summary>The ids of the council's disclosed items, for what a meeting may say of them.</summary>
    public static async Task<IReadOnlySet<string>> DisclosedItemsAsync(ProjectionRunner readSide, string councilId)
    {
        var streams = await readSide.QueryAsync(RecordProjection.ProjectionName,
            "SELECT stream_id FROM record_streams WHERE council_id = @council AND kind = @kind AND disclosed = 1",
            row => row.GetString(0), ("@council", councilId), ("@kind", RecordKinds.Items.Name));
        return streams.Select(s => s[RecordKinds.Items.Prefix.Length..]).ToHashSet(StringComparer.Ordinal);
    }
}
