using Deliberation.Runtime.Projections;

namespace Deliberation.Web.Figures;

/// <summary>A month's figures as a few indexed reads of the figures projection: the counts, the days, the late arrivals.</summary>
public static class FiguresQueries
{
    private const string Name = FiguresProjection.ProjectionName;

    public static async Task<FiguresReport> MonthAsync(ProjectionRunner readSide, string councilId, string month)
    {
        var counts = await readSide.QueryAsync(Name,
            "SELECT kind, fact, category, department_id, n, total, high, reopened FROM figures_month WHERE council_id = @council AND month = @month",
            ReadCount, ("@council", councilId), ("@month", month));
        var days = await readSide.QueryAsync(Name,
            "SELECT fact, value FROM figures_facts WHERE council_id = @council AND month = @month AND fact IN ('decision_hours', 'result_hours')",
            r => (r.GetString(0), r.GetInt64(1)), ("@council", councilId), ("@month", month));
        var late = await readSide.QueryAsync(Name, "SELECT events FROM figures_late WHERE council_id = @council AND month = @month",
            r => r.GetInt64(0), ("@council", councilId), ("@month", month));
        return Report(month, counts, days, late.Sum());
    }

    /// <summary>Only facts of disclosed matters (the public board's figures): summed from their own rows.</summary>
    public static async Task<FiguresReport> PublicMonthAsync(ProjectionRunner readSide, string councilId, string month)
    {
        var counts = await readSide.QueryAsync(Name,
            "SELECT kind, fact, category, department_id, COUNT(*), SUM(value), SUM(CASE WHEN fact = 'rating' AND value >= 4 THEN 1 ELSE 0 END), " +
            "SUM(reopened) FROM figures_facts WHERE council_id = @council AND is_public = 1 AND month = @month " +
            "GROUP BY kind, fact, category, department_id", ReadCount, ("@council", councilId), ("@month", month));
        var days = await readSide.QueryAsync(Name,
            "SELECT fact, value FROM figures_facts WHERE council_id = @council AND is_public = 1 AND month = @month AND fact IN ('decision_hours', 'result_hours')",
            r => (r.GetString(0), r.GetInt64(1)), ("@council", councilId), ("@month", month));
        return Report(month, counts, days, 0);
    }

    /// <summary>Monthly totals of some facts over a span of months, for the trend chart.</summary>
    public static Task<IReadOnlyList<(string Month, string Kind, string Fact, long N)>> TrendAsync(ProjectionRunner readSide, string councilId,
        string from, string to) =>
        readSide.QueryAsync(Name,
            "SELECT month, kind, fact, SUM(n) FROM figures_month WHERE council_id = @council AND month >= @from AND month <= @to " +
            "AND fact IN ('received', 'done') GROUP BY month, kind, fact",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)), ("@council", councilId), ("@from", from), ("@to", to));

    /// <summary>Every council's month, summed (the county), and each council's own counts for the table of councils.</summary>
    public static async Task<(FiguresReport County, IReadOnlyList<(string Council, FiguresReport Report)> Councils)> CountyAsync(
        ProjectionRunner readSide, string month)
    {
        var rows = await readSide.QueryAsync(Name,
            "SELECT council_id, kind, fact, SUM(n), SUM(total), SUM(high), SUM(reopened) FROM figures_month WHERE month = @month " +
            "GROUP BY council_id, kind, fact",
            r => (Council: r.GetString(0), Count: new FactCount(r.GetString(1), r.GetString(2), "", "", r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6))),
            ("@month", month));
        var days = await readSide.QueryAsync(Name,
            "SELECT fact, value FROM figures_facts WHERE month = @month AND fact IN ('decision_hours', 'result_hours')",
            r => (r.GetString(0), r.GetInt64(1)), ("@month", month));
        var county = Report(month, rows.Select(r => r.Count).ToList(), days, 0);
        var councils = rows.GroupBy(r => r.Council, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, new FiguresReport(month, g.Select(r => r.Count).ToList(), [], [], 0))).ToList();
        return (county, councils);
    }

    private static FactCount ReadCount(System.Data.Common.DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        Convert.ToInt64(r.GetValue(4), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture));

    private static FiguresReport Report(string month, IReadOnlyList<FactCount> counts, IReadOnlyList<(string Fact, long Hours)> days, long late) =>
        new(month, counts, days.Where(d => d.Fact == "decision_hours").Select(d => d.Hours).ToList(),
            days.Where(d => d.Fact == "result_hours").Select(d => d.Hours).ToList(), late);
}
