using System.Globalization;
using System.Text.Json;
using Deliberation.Domain.Requests;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Requests;

/// <summary>
/// The small requests' lists (the council's, a volunteer's, a resident's own): one row per request with its summary as
/// JSON, and indexes for each list's filter ending in its order (<see cref="SmallRequestLists"/>): newest change first,
/// or the soonest needed first.
/// </summary>
public sealed class SmallRequestListProjection : IProjection
{
    public const string ProjectionName = "request-list";
    private const string Prefix = SmallRequestGrain.Category + "-";

    private readonly StreamStates<Held> _requests = new(Fold);

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS request_list (
            request_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            status TEXT NOT NULL,
            group_id TEXT NOT NULL,
            volunteer_id TEXT NOT NULL,
            posted_by TEXT NOT NULL,
            needed_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            summary TEXT NOT NULL
        )
        """,
        // The council's list; what a volunteer took (soonest needed) and did (newest); what they may take; what a resident posted.
        "CREATE INDEX IF NOT EXISTS ix_request_list_council ON request_list (council_id, updated_at, request_id)",
        "CREATE INDEX IF NOT EXISTS ix_request_list_volunteer ON request_list (council_id, volunteer_id, status, needed_by, request_id)",
        "CREATE INDEX IF NOT EXISTS ix_request_list_volunteer_newest ON request_list (council_id, volunteer_id, updated_at, request_id)",
        "CREATE INDEX IF NOT EXISTS ix_request_list_status ON request_list (council_id, status, needed_by, request_id)",
        "CREATE INDEX IF NOT EXISTS ix_request_list_posted ON request_list (council_id, posted_by, updated_at, request_id)",
    ];

    public IReadOnlyList<string> Tables { get; } = ["request_list"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var latest = new Dictionary<string, Held>(StringComparer.Ordinal);
        foreach (var (_, e) in events)
            if (e.StreamId.StartsWith(Prefix, StringComparison.Ordinal)) latest[e.StreamId] = await _requests.AdvanceAsync(e, context);
        foreach (var held in latest.Values)
        {
            if (held.Request is not { Id.Length: > 0 } r) continue;
            await context.ExecuteAsync(
                "INSERT INTO request_list (request_id, council_id, status, group_id, volunteer_id, posted_by, needed_by, updated_at, summary) " +
                "VALUES (@id, @council, @status, @group, @volunteer, @posted, @needed, @updated, @summary) " +
                "ON CONFLICT (request_id) DO UPDATE SET council_id = excluded.council_id, status = excluded.status, group_id = excluded.group_id, " +
                "volunteer_id = excluded.volunteer_id, posted_by = excluded.posted_by, needed_by = excluded.needed_by, " +
                "updated_at = excluded.updated_at, summary = excluded.summary",
                ("@id", r.Id), ("@council", r.CouncilId), ("@status", r.Status.ToString()), ("@group", r.GroupId ?? ""),
                ("@volunteer", r.VolunteerId ?? ""), ("@posted", r.PostedBy), ("@needed", r.NeededBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("@updated", ReadModelTime.Format(held.At)),
                ("@summary", JsonSerializer.Serialize(SmallRequestGrain.Summary(r, held.At), EventJson.Options)));
        }
    }

    public void Forget() => _requests.Clear();

    private static Held Fold(Held? held, EventEnvelope e)
    {
        held ??= new Held();
        held.Request ??= SmallRequest.Replay([]);
        held.Request.Apply(EventCodec<SmallRequestEvent>.Instance.Decode(e));
        // As the catalogue's summary: the time of the latest change.
        held.At = e.OccurredAt;
        return held;
    }

    private sealed class Held
    {
        public SmallRequest? Request;
        public DateTimeOffset At;
    }
}
