using System.Text.Json;
using Deliberation.Domain.Escalations;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Escalations;

/// <summary>
/// The escalations list (a department's inbox, the council's list): one row per escalation with its summary as JSON,
/// keyed for the list's order (open ones first, then by due date: <see cref="EscalationList.KeyOf"/>) with and without
/// the department in front, so that a page of either is an index seek.
/// </summary>
public sealed class EscalationListProjection : IProjection
{
    public const string ProjectionName = "escalation-list";
    private const string Prefix = EscalationGrain.Category + "-";

    private readonly StreamStates<Held> _escalations = new(Fold);

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS escalation_list (
            escalation_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            department_id TEXT NOT NULL,
            list_key TEXT NOT NULL,
            summary TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_escalation_list_council ON escalation_list (council_id, list_key, escalation_id)",
        "CREATE INDEX IF NOT EXISTS ix_escalation_list_department ON escalation_list (council_id, department_id, list_key, escalation_id)",
    ];

    public IReadOnlyList<string> Tables { get; } = ["escalation_list"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var latest = new Dictionary<string, Held>(StringComparer.Ordinal);
        foreach (var (_, e) in events)
            if (e.StreamId.StartsWith(Prefix, StringComparison.Ordinal)) latest[e.StreamId] = await _escalations.AdvanceAsync(e, context);
        foreach (var held in latest.Values)
        {
            if (held.Escalation is not { Id.Length: > 0 } x) continue;
            await context.ExecuteAsync(
                "INSERT INTO escalation_list (escalation_id, council_id, department_id, list_key, summary) " +
                "VALUES (@id, @council, @department, @key, @summary) " +
                "ON CONFLICT (escalation_id) DO UPDATE SET council_id = excluded.council_id, department_id = excluded.department_id, " +
                "list_key = excluded.list_key, summary = excluded.summary",
                ("@id", x.Id), ("@council", x.CouncilId), ("@department", x.DepartmentId), ("@key", EscalationList.KeyOf(x.IsOpen, x.DueOn)),
                ("@summary", JsonSerializer.Serialize(EscalationGrain.Summary(x, held.At), EventJson.Options)));
        }
    }

    public void Forget() => _escalations.Clear();

    private static Held Fold(Held? held, EventEnvelope e)
    {
        held ??= new Held();
        held.Escalation ??= Escalation.Replay([]);
        held.Escalation.Apply(EventCodec<EscalationEvent>.Instance.Decode(e));
        // As the catalogue's summary: the time of the latest change.
        held.At = e.OccurredAt;
        return held;
    }

    private sealed class Held
    {
        public Escalation? Escalation;
        public DateTimeOffset At;
    }
}
