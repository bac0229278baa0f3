using System.Globalization;
using System.Text.Json;
using Deliberation.Domain.Escalations;
using Deliberation.Domain.Requests;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Escalations;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;
using Deliberation.Web.Requests;

namespace Deliberation.Web.Ledger;

/// <summary>
/// The ledger (台账): one row per escalation and per small request, with the columns its filters use (department,
/// state, month, overdue) indexed, and the line itself as JSON. Built from the escalations' and requests' events.
/// </summary>
public sealed class LedgerProjection : IProjection
{
    public const string ProjectionName = "ledger";
    private const string EscalationPrefix = EscalationGrain.Category + "-";
    private const string RequestPrefix = SmallRequestGrain.Category + "-";

    private readonly StreamStates<Line> _lines = new(Fold);

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS ledger (
            entry_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            department_id TEXT NOT NULL,
            state TEXT NOT NULL,
            month TEXT NOT NULL,
            due_on TEXT NOT NULL,
            is_open BIGINT NOT NULL,
            overdue BIGINT NOT NULL,
            volunteer_id TEXT NOT NULL,
            entry TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_ledger_council_month ON ledger (council_id, kind, month, entry_id)",
        "CREATE INDEX IF NOT EXISTS ix_ledger_council_open ON ledger (council_id, is_open, due_on)",
        // The page's filters, each ending in the page's order so that a keyset page seeks rather than sorts.
        "CREATE INDEX IF NOT EXISTS ix_ledger_council_department ON ledger (council_id, kind, department_id, month, entry_id)",
        "CREATE INDEX IF NOT EXISTS ix_ledger_council_state ON ledger (council_id, kind, state, month, entry_id)",
    ];

    public IReadOnlyList<string> Tables { get; } = ["ledger"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var latest = new Dictionary<string, Line>(StringComparer.Ordinal);
        foreach (var (_, e) in events)
        {
            if (!e.StreamId.StartsWith(EscalationPrefix, StringComparison.Ordinal) && !e.StreamId.StartsWith(RequestPrefix, StringComparison.Ordinal))
                continue;
            latest[e.StreamId] = await _lines.AdvanceAsync(e, context);
        }
        foreach (var line in latest.Values)
        {
            if (line.Entry() is not { } entry) continue;
            await context.ExecuteAsync(
                "INSERT INTO ledger (entry_id, council_id, kind, department_id, state, month, due_on, is_open, overdue, volunteer_id, entry) " +
                "VALUES (@id, @council, @kind, @department, @state, @month, @due, @open, @overdue, @volunteer, @entry) " +
                "ON CONFLICT (entry_id) DO UPDATE SET council_id = excluded.council_id, kind = excluded.kind, department_id = excluded.department_id, " +
                "state = excluded.state, month = excluded.month, due_on = excluded.due_on, is_open = excluded.is_open, overdue = excluded.overdue, " +
                "volunteer_id = excluded.volunteer_id, entry = excluded.entry",
                ("@id", entry.Id), ("@council", entry.CouncilId), ("@kind", entry.Kind), ("@department", entry.DepartmentId),
                ("@state", entry.State), ("@month", entry.Month), ("@due", entry.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("@open", entry.IsOpen ? 1L : 0L), ("@overdue", entry.Overdue || (entry.ResponseOverdue && entry.RespondedAt is null) ? 1L : 0L),
                ("@volunteer", entry.VolunteerId ?? ""), ("@entry", JsonSerializer.Serialize(entry, EventJson.Options)));
        }
    }

    public void Forget() => _lines.Clear();

    private static Line Fold(Line? line, EventEnvelope e)
    {
        line ??= new Line { Since = e.OccurredAt };
        if (e.StreamId.StartsWith(EscalationPrefix, StringComparison.Ordinal))
        {
            var x = EventCodec<EscalationEvent>.Instance.Decode(e);
            line.Escalation ??= Escalation.Replay([]);
            line.Escalation.Apply(x);
            if (x is EscalationReceived or EscalationDone or EscalationReturned) line.RespondedAt ??= e.OccurredAt;
            if (x is EscalationDone) line.DoneAt = e.OccurredAt;
            if (x is EscalationReopened) line.DoneAt = null;
        }
        else
        {
            var x = EventCodec<SmallRequestEvent>.Instance.Decode(e);
            line.Request ??= SmallRequest.Replay([]);
            line.Request.Apply(x);
            if (x is SmallRequestTaken or SmallRequestDispatched) line.RespondedAt ??= e.OccurredAt;
            if (x is SmallRequestDone) line.DoneAt = e.OccurredAt;
        }
        return line;
    }

    private sealed class Line
    {
        public Escalation? Escalation;
        public SmallRequest? Request;
        public DateTimeOffset Since;
        public DateTimeOffset? RespondedAt;
        public DateTimeOffset? DoneAt;

        public LedgerEntry? Entry()
        {
            if (Escalation is { Id.Length: > 0 } x)
                return new LedgerEntry(x.Id, "escalation", x.CouncilId, x.ReferenceNo, x.ItemTitle, x.DepartmentId, x.DepartmentName,
                    x.Status.ToString(), Since, x.RespondBy, RespondedAt, x.DueOn, DoneAt, x.ResponseOverdue, x.Overdue, x.Reopened,
                    x.Ratings.Count > 0 ? x.Ratings[^1].Score : null, null, x.SubmittedBy, x.Result ?? x.ReturnReason ?? x.Response ?? "",
                    x.TimeZoneId);
            if (Request is { Id.Length: > 0 } r)
                return new LedgerEntry(r.Id, "request", r.CouncilId, r.Id, r.Title, r.GroupId ?? "", r.GroupName ?? "", r.Status.ToString(),
                    Since, null, RespondedAt, r.NeededBy, DoneAt, false, r.Overdue, 0, r.Score, r.VolunteerId, r.PostedBy, r.Report ?? "",
                    r.TimeZoneId);
            return null;
        }
    }
}
