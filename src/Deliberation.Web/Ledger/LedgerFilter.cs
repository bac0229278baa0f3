using System.Globalization;

namespace Deliberation.Web.Ledger;

/// <summary>
/// What the ledger's page, its CSV, its print view and its API are asked for, as its URL carries it. No month is the
/// working period (<see cref="Current"/>): this month's escalations and every earlier one not yet settled (still open,
/// or sent back by its department). That is what a clerk opens the ledger for: what came in lately and what is still
/// on the desk, the overdue ones among them; a flat "last 3 months" would hide the old unanswered entries that matter
/// most. <c>month=all</c> asks for every month; <c>month=yyyy-MM</c> for one.
/// </summary>
public sealed record LedgerFilter(string? DepartmentId = null, string? State = null, string? Month = null, bool OverdueOnly = false)
{
    public const string AllMonths = "all";

    public bool Current => string.IsNullOrEmpty(Month);

    /// <summary>The filter's part of a ledger URL (empty values left out), without the leading '?'.</summary>
    public string Query()
    {
        var query = new List<string>();
        foreach (var (key, value) in new[] { ("department", DepartmentId), ("state", State), ("month", Month), ("overdue", OverdueOnly ? "true" : null) })
            if (!string.IsNullOrEmpty(value)) query.Add($"{key}={Uri.EscapeDataString(value)}");
        return string.Join("&", query);
    }

    /// <summary>
    /// The WHERE clause (after council and kind) and its parameters; <paramref name="onlyDepartment"/> narrows a
    /// department's view. This month and today are the council's (<paramref name="zoneId"/>, its zone now).
    /// </summary>
    public (string Sql, List<(string, object?)> Parameters) Where(string councilId, string? onlyDepartment, DateTimeOffset now, string zoneId)
    {
        var sql = "council_id = @council AND kind = 'escalation'";
        var parameters = new List<(string, object?)> { ("@council", councilId) };
        if (onlyDepartment is not null) { sql += " AND department_id = @only"; parameters.Add(("@only", onlyDepartment)); }
        if (!string.IsNullOrEmpty(DepartmentId)) { sql += " AND department_id = @department"; parameters.Add(("@department", DepartmentId)); }
        if (!string.IsNullOrEmpty(State)) { sql += " AND state = @state"; parameters.Add(("@state", State)); }
        if (Current)
        {
            sql += " AND (month >= @current OR is_open = 1 OR state = 'Returned')";
            parameters.Add(("@current", Domain.CouncilTime.MonthOf(now, zoneId)));
        }
        else if (Month != AllMonths) { sql += " AND month = @month"; parameters.Add(("@month", Month)); }
        if (OverdueOnly) { sql += " AND " + OverdueSql; parameters.Add(("@today", Today(now, zoneId))); }
        return (sql, parameters);
    }

    /// <summary>
    /// <see cref="LedgerEntry.IsOverdueAt"/> in SQL: flagged (the overdue column holds both flags), or open past the end
    /// of its day by the council's clock even before the reminder has got to it. Today is the council's today in its zone
    /// now; a line raised under another zone (the council changed it since) is flagged by its own reminder at the end of
    /// its own day, so this only decides the few hours before that reminder has fired.
    /// </summary>
    public const string OverdueSql = "(overdue = 1 OR (is_open = 1 AND due_on < @today))";

    public static string Today(DateTimeOffset now, string zoneId) => Domain.CouncilTime.Today(now, zoneId).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
