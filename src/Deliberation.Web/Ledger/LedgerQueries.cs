using System.Text.Json;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Ledger;

/// <summary>What the ledger's page, its CSV and the clerk's console ask for; each one indexed read of the projection.</summary>
public sealed record LedgerFilter(string? DepartmentId = null, string? State = null, string? Month = null, bool OverdueOnly = false);

public static class LedgerQueries
{
    /// <summary>The council's escalations, filtered, newest first; <paramref name="onlyDepartment"/> narrows a department's view.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> EscalationsAsync(ProjectionRunner readSide, string councilId, LedgerFilter filter,
        string? onlyDepartment, DateTimeOffset now)
    {
        var sql = "SELECT entry FROM ledger WHERE council_id = @council AND kind = 'escalation'";
        var parameters = new List<(string, object?)> { ("@council", councilId) };
        if (onlyDepartment is not null) { sql += " AND department_id = @only"; parameters.Add(("@only", onlyDepartment)); }
        if (!string.IsNullOrEmpty(filter.DepartmentId)) { sql += " AND department_id = @department"; parameters.Add(("@department", filter.DepartmentId)); }
        if (!string.IsNullOrEmpty(filter.State)) { sql += " AND state = @state"; parameters.Add(("@state", filter.State)); }
        if (!string.IsNullOrEmpty(filter.Month)) { sql += " AND month = @month"; parameters.Add(("@month", filter.Month)); }
        sql += " ORDER BY month DESC, entry_id DESC";
        var rows = await readSide.QueryAsync(LedgerProjection.ProjectionName, sql, Read, [.. parameters]);
        return filter.OverdueOnly ? rows.Where(r => r.IsOverdueAt(now)).ToList() : rows;
    }

    /// <summary>Open escalations and small requests of the council that are late now: the clerk's console.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> OverdueAsync(ProjectionRunner readSide, string councilId, DateTimeOffset now)
    {
        var today = Domain.CouncilTime.Today(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rows = await readSide.QueryAsync(LedgerProjection.ProjectionName,
            "SELECT entry FROM ledger WHERE council_id = @council AND is_open = 1 AND (due_on < @today OR overdue = 1) ORDER BY due_on",
            Read, ("@council", councilId), ("@today", today));
        return rows.Where(r => r.IsOverdueAt(now)).ToList();
    }

    /// <summary>The months that have escalations, for the month filter.</summary>
    public static Task<IReadOnlyList<string>> MonthsAsync(ProjectionRunner readSide, string councilId) =>
        readSide.QueryAsync(LedgerProjection.ProjectionName,
            "SELECT DISTINCT month FROM ledger WHERE council_id = @council AND kind = 'escalation' ORDER BY month DESC",
            r => r.GetString(0), ("@council", councilId));

    private static LedgerEntry Read(System.Data.Common.DbDataReader reader) =>
        JsonSerializer.Deserialize<LedgerEntry>(reader.GetString(0), EventJson.Options)!;
}
