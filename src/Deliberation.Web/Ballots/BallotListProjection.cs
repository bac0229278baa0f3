using Deliberation.Domain.Ballots;
using Deliberation.Runtime.Projections;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Ballots;

/// <summary>Each ballot's meeting, item and status, so a meeting's or an item's ballots are found by an index.</summary>
public sealed class BallotListProjection() : CategoryProjection<BallotEvent>(ProjectionName, BallotGrain.Category)
{
    public const string ProjectionName = "ballot-list";

    public override IReadOnlyList<string> Schema { get; } =
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

    public override IReadOnlyList<string> Tables { get; } = ["ballot_list"];

    // Votes change nothing here; only the events that open and close a ballot are decoded.
    protected override bool Reads(string eventType) => eventType is nameof(BallotOpened) or nameof(BallotClosed);

    protected override async Task ApplyAsync(string ballotId, BallotEvent e, LoggedEvent logged, ProjectionContext context)
    {
        if (e is BallotOpened opened)
            await context.ExecuteAsync(
                "INSERT INTO ballot_list (ballot_id, council_id, meeting_id, item_id, status) " +
                "VALUES (@id, @council, @meeting, @item, @status) ON CONFLICT (ballot_id) DO NOTHING",
                ("@id", ballotId), ("@council", opened.CouncilId), ("@meeting", opened.MeetingId),
                ("@item", opened.ItemId), ("@status", nameof(BallotStatus.Open)));
        else if (e is BallotClosed)
            await context.ExecuteAsync("UPDATE ballot_list SET status = @status WHERE ballot_id = @id",
                ("@status", nameof(BallotStatus.Closed)), ("@id", ballotId));
    }
}
