using System.Globalization;
using System.Text;
using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// What a visitor's item page is rendered from, as one version: the item's stream, its council's (name, people's names)
/// and each ballot held on the item (its result), each at the version the <c>streams</c> catalogue holds (written in
/// the same transaction as the events), its residents' comments (their own stream; the page reads them from their
/// projection after catching it up, so it is never older than this version), and the published minutes it links (the <c>minutes-index</c> read model). A change to any of them gives a new version; an event anywhere else does not,
/// so a vote in one meeting leaves every other item's cached page alone. A page that comes to show another stream's
/// events must add that stream here.
/// </summary>
public static class ItemPageVersion
{
    private const string Sql =
        "SELECT stream_id, version FROM streams WHERE stream_id = @item OR stream_id = @council OR stream_id = @comments " +
        "UNION ALL SELECT s.stream_id, s.version FROM ballot_list b JOIN streams s ON s.stream_id = @ballots || b.ballot_id " +
        "WHERE b.council_id = @councilId AND b.item_id = @itemId " +
        // The minutes of the meetings that took the item up, which the page links (read from the same read model).
        "UNION ALL SELECT 'minutes-' || m.meeting_id, p.latest_version FROM minutes_items m " +
        "JOIN minutes_published p ON p.meeting_id = m.meeting_id WHERE m.council_id = @councilId AND m.item_id = @itemId " +
        // The topics merged into it, which the page counts (the merges are events of those topics, not of this item).
        "UNION ALL SELECT 'merged', COUNT(*) FROM item_merges WHERE council_id = @councilId AND into_item_id = @itemId " +
        // Whether the ballot list has seen the whole log: if not, a ballot just opened on the item may be missing above.
        "UNION ALL SELECT '~behind', CASE WHEN (SELECT position FROM projection_checkpoints WHERE name = @ballotList) " +
        ">= (SELECT COALESCE(MAX(global_position), 0) FROM events) THEN 0 ELSE 1 END";

    public static async Task<string> OfAsync(ProjectionRunner readSide, string councilId, string itemId, CancellationToken ct)
    {
        var rows = await ReadAsync(readSide, councilId, itemId, ct);
        if (rows.Any(r => r.Stream == "~behind" && r.Version != 0))
        {
            // Caught up through at least the log's head as the first read saw it, so every ballot opened before this
            // request is in the second read.
            await readSide.CatchUpAsync(BallotListProjection.ProjectionName, ct);
            rows = await ReadAsync(readSide, councilId, itemId, ct);
        }
        var key = new StringBuilder();
        foreach (var (stream, version) in rows.Where(r => r.Stream != "~behind").OrderBy(r => r.Stream, StringComparer.Ordinal))
            key.Append(stream).Append(':').Append(version.ToString(CultureInfo.InvariantCulture)).Append(';');
        return key.ToString();
    }

    private static Task<IReadOnlyList<(string Stream, long Version)>> ReadAsync(ProjectionRunner readSide, string councilId, string itemId, CancellationToken ct) =>
        readSide.ReadAsync(Sql, r => (r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)), ct,
            ("@item", $"{AgendaItemGrain.Category}-{itemId}"), ("@comments", $"{Comments.CommentsGrain.Category}-{itemId}"), ("@council", $"{CouncilGrain.Category}-{councilId}"),
            ("@ballots", $"{BallotGrain.Category}-"), ("@councilId", councilId), ("@itemId", itemId),
            ("@ballotList", BallotListProjection.ProjectionName));
}
