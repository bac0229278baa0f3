using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Figures;

/// <summary>
/// The figures councils are judged by, kept per council, month, kind, fact, category and department
/// (<c>figures_month</c>, added to as events come), with each fact's own row (<c>figures_facts</c>) for what a sum cannot
/// give: percentiles of days, and the public figures (facts of disclosed matters). A month's figures change only by an
/// event of that month; one that arrives after the council's log has moved past its month is counted where it belongs
/// and recorded as late (<c>figures_late</c>), so the page can say so. A month is the council's, on its clock as it was
/// when the event happened (<see cref="ZonesInForce"/>).
/// </summary>
public sealed class FiguresProjection : IProjection
{
    public const string ProjectionName = "figures";

    private readonly StreamStates<MatterFacts> _matters = new(MatterFacts.Fold);
    private readonly ZonesInForce _zones = new();

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS figures_month (
            council_id TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL, fact TEXT NOT NULL, category TEXT NOT NULL,
            department_id TEXT NOT NULL, n BIGINT NOT NULL, total BIGINT NOT NULL, high BIGINT NOT NULL, reopened BIGINT NOT NULL,
            PRIMARY KEY (council_id, month, kind, fact, category, department_id)
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_figures_month_month ON figures_month (month, kind, fact)",
        """
        CREATE TABLE IF NOT EXISTS figures_facts (
            stream_id TEXT NOT NULL, sequence BIGINT NOT NULL, fact TEXT NOT NULL, council_id TEXT NOT NULL, month TEXT NOT NULL,
            kind TEXT NOT NULL, category TEXT NOT NULL, department_id TEXT NOT NULL, value BIGINT NOT NULL, reopened BIGINT NOT NULL,
            is_public BIGINT NOT NULL,
            PRIMARY KEY (stream_id, sequence, fact)
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_figures_facts_month ON figures_facts (council_id, month, fact)",
        "CREATE INDEX IF NOT EXISTS ix_figures_facts_public ON figures_facts (council_id, is_public, month)",
        "CREATE INDEX IF NOT EXISTS ix_figures_facts_county ON figures_facts (month, fact)",
        "CREATE TABLE IF NOT EXISTS figures_late (council_id TEXT NOT NULL, month TEXT NOT NULL, events BIGINT NOT NULL, last_position BIGINT NOT NULL, PRIMARY KEY (council_id, month))",
        "CREATE TABLE IF NOT EXISTS figures_watermark (council_id TEXT NOT NULL PRIMARY KEY, month TEXT NOT NULL)",
        ZonesInForce.Schema,
    ];

    public IReadOnlyList<string> Tables { get; } = ["figures_month", "figures_facts", "figures_late", "figures_watermark", "figures_zones"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var watermarks = new Dictionary<string, string>(StringComparer.Ordinal);
        await _zones.RefreshAsync(context);
        var sums = new MonthSums();
        foreach (var (position, e) in events)
        {
            await _zones.FollowAsync(position, e, context);
            if (!MatterFacts.Follows(e.StreamId)) continue;
            var matter = await _matters.AdvanceAsync(e, context);
            if (matter.CouncilId.Length == 0) continue;
            if (matter.Kind == MatterFacts.Escalation && matter.Category is null) await LookUpItemAsync(matter, context);
            var month = CouncilTime.MonthOf(e.OccurredAt, _zones.Of(matter.CouncilId));
            await KeepWatermarkAsync(matter.CouncilId, month, position, watermarks, context);
            foreach (var fact in matter.Facts) await CountAsync(matter, e, month, fact, sums, context);
            if (matter.BecamePublic)
                await context.ExecuteAsync("UPDATE figures_facts SET is_public = 1 WHERE stream_id = @stream", ("@stream", e.StreamId));
            if (matter.ReopenedDoneSequence is { } done) await ReopenAsync(matter, e.StreamId, done, month, position, sums, context);
        }
        await sums.WriteAsync(context);
        foreach (var (council, month) in watermarks)
            await context.ExecuteAsync("INSERT INTO figures_watermark (council_id, month) VALUES (@council, @month) " +
                "ON CONFLICT (council_id) DO UPDATE SET month = excluded.month", ("@council", council), ("@month", month));
    }

    public void Forget()
    {
        _matters.Clear();
        _zones.Forget();
    }

    /// <summary>An escalation counts under its item's category, from its submission (the item stream's first event).</summary>
    private static async Task LookUpItemAsync(MatterFacts matter, ProjectionContext context)
    {
        var first = await context.ReadStreamAsync($"{AgendaItemGrain.Category}-{matter.ItemId}", 1);
        if (first.Count > 0 && EventCodec<AgendaItemEvent>.Instance.Decode(first[0]) is ItemSubmitted s)
            (matter.Category, matter.SubmittedAt) = (s.Category, first[0].OccurredAt);
        else matter.Category = "";
    }

    /// <summary>The council's log has moved past this event's month: the event is late for its month.</summary>
    private static async Task KeepWatermarkAsync(string council, string month, long position, Dictionary<string, string> watermarks,
        ProjectionContext context)
    {
        if (!watermarks.TryGetValue(council, out var mark))
        {
            var stored = await context.QueryAsync("SELECT month FROM figures_watermark WHERE council_id = @council", r => r.GetString(0),
                ("@council", council));
            mark = stored.Count > 0 ? stored[0] : month;
        }
        if (string.CompareOrdinal(month, mark) < 0) await LateAsync(council, month, position, context);
        watermarks[council] = string.CompareOrdinal(month, mark) > 0 ? month : mark;
    }

    private static Task LateAsync(string council, string month, long position, ProjectionContext context) => context.ExecuteAsync(
        "INSERT INTO figures_late (council_id, month, events, last_position) VALUES (@council, @month, 1, @position) " +
        "ON CONFLICT (council_id, month) DO UPDATE SET events = figures_late.events + 1, last_position = excluded.last_position",
        ("@council", council), ("@month", month), ("@position", position));

    private static async Task CountAsync(MatterFacts matter, EventEnvelope e, string month, Fact fact, MonthSums sums, ProjectionContext context)
    {
        var (category, department) = (matter.Category ?? "", matter.DepartmentId);
        // Computed here, not in the fold: an escalation's submission is its item's, looked up after the fold.
        var value = fact.Name is "result_hours" or "decision_hours" && matter.SubmittedAt is { } submitted
            ? (long)Math.Round((e.OccurredAt - submitted).TotalHours) : fact.Value;
        fact = fact with { Value = value };
        await context.ExecuteAsync(
            "INSERT INTO figures_facts (stream_id, sequence, fact, council_id, month, kind, category, department_id, value, reopened, is_public) " +
            "VALUES (@stream, @sequence, @fact, @council, @month, @kind, @category, @department, @value, 0, @public) ON CONFLICT DO NOTHING",
            ("@stream", e.StreamId), ("@sequence", e.Sequence), ("@fact", fact.Name), ("@council", matter.CouncilId), ("@month", month),
            ("@kind", matter.Kind), ("@category", category), ("@department", department), ("@value", fact.Value),
            ("@public", matter.IsPublic ? 1L : 0L));
        sums.Add(new(matter.CouncilId, month, matter.Kind, fact.Name, category, department), 1, fact.Value,
            fact.Name == "rating" && fact.Value >= 4 ? 1 : 0, 0);
    }

    /// <summary>The round that was done is not resolved after all: counted in the month it was done (late, if that month is past).</summary>
    private static async Task ReopenAsync(MatterFacts matter, string streamId, long doneSequence, string month, long position, MonthSums sums,
        ProjectionContext context)
    {
        var done = await context.QueryAsync(
            "SELECT month, category, department_id FROM figures_facts WHERE stream_id = @stream AND sequence = @sequence AND fact = 'done'",
            r => (Month: r.GetString(0), Category: r.GetString(1), Department: r.GetString(2)), ("@stream", streamId), ("@sequence", doneSequence));
        if (done.Count == 0) return;
        await context.ExecuteAsync("UPDATE figures_facts SET reopened = 1 WHERE stream_id = @stream AND sequence = @sequence AND fact = 'done'",
            ("@stream", streamId), ("@sequence", doneSequence));
        // Its done was counted in the row of that fact's month, category and department (stored, or among this batch's
        // sums), so adding to that row is the update.
        sums.Add(new(matter.CouncilId, done[0].Month, matter.Kind, "done", done[0].Category, done[0].Department), 0, 0, 0, 1);
        if (string.CompareOrdinal(done[0].Month, month) < 0) await LateAsync(matter.CouncilId, done[0].Month, position, context);
    }
}
