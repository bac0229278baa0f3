using Deliberation.Domain.Ballots;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Ballots;

/// <summary>Each ballot's meeting, item and status, so a meeting's or an item's ballots are found by an index.</summary>
public sealed class BallotListProjection : IProjection
{
    public const string ProjectionName = "ballot-list";
    private const string Prefix = BallotGrain.Category + "-";

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS ballot_list (
            ballot_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            meeting_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            status TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_ballot_list_meeting ON ballot_list (council_id, meeting_id)",
        "CREATE INDEX IF NOT EXISTS ix_ballot_list_item ON ballot_list (council_id, item_id)",
    ];

    public IReadOnlyList<string> Tables { get; } = ["ballot_list"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var (_, e) in events)
        {
            // Votes change nothing here; only the events that open and close a ballot are decoded.
            if (!e.StreamId.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            if (e.EventType == nameof(BallotOpened)
                && EventCodec<BallotEvent>.Instance.Decode(e) is BallotOpened opened)
                await context.ExecuteAsync(
                    "INSERT INTO ballot_list (ballot_id, council_id, meeting_id, item_id, status) " +
                    "VALUES (@id, @council, @meeting, @item, @status) ON CONFLICT (ballot_id) DO NOTHING",
                    ("@id", e.StreamId[Prefix.Length..]), ("@council", opened.CouncilId), ("@meeting", opened.MeetingId),
                    ("@item", opened.ItemId), ("@status", nameof(BallotStatus.Open)));
            else if (e.EventType == nameof(BallotClosed))
                await context.ExecuteAsync("UPDATE ballot_list SET status = @status WHERE ballot_id = @id",
                    ("@status", nameof(BallotStatus.Closed)), ("@id", e.StreamId[Prefix.Length..]));
        }
    }

    public void Forget() { }
}
