using System.Runtime.CompilerServices;
using System.Text.Json;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Ledger;

/// <summary>
/// What the ledger's page, its CSV and the clerk's console ask for; each an indexed read of the projection, in one order
/// (month newest first, then entry id) that the indexes (council, kind, [department | state,] month, entry id) hold.
/// </summary>
public static class LedgerQueries
{
    private const string Order = " ORDER BY month DESC, entry_id DESC";

    /// <summary>Every line of the filter, newest first: the print view.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> EscalationsAsync(ProjectionRunner readSide, string councilId, LedgerFilter filter,
        string? onlyDepartment, DateTimeOffset now, string zoneId)
    {
        var (where, parameters) = filter.Where(councilId, onlyDepartment, now, zoneId);
        return await readSide.QueryAsync(LedgerProjection.ProjectionName, $"SELECT entry FROM ledger WHERE {where}{Order}", Read, [.. parameters]);
    }

    /// <summary>
    /// One page of the filter: after <paramref name="after"/> (the next page), before <paramref name="before"/> (the
    /// previous one), or the first.
    /// </summary>
    public static Task<KeysetPage<LedgerEntry>> PageAsync(ProjectionRunner readSide, string councilId, LedgerFilter filter, string? onlyDepartment,
        DateTimeOffset now, string zoneId, Keyset? after, Keyset? before, int size)
    {
        var (where, parameters) = filter.Where(councilId, onlyDepartment, now, zoneId);
        return readSide.PageAsync(LedgerProjection.ProjectionName, "SELECT entry FROM ledger", where, parameters, LedgerCursor.Order, Read,
            LedgerCursor.Of, after, before, size);
    }

    /// <summary>How many lines the filter holds, and how many of them are overdue now.</summary>
    public static async Task<(int Lines, int Overdue)> CountAsync(ProjectionRunner readSide, string councilId, LedgerFilter filter,
        string? onlyDepartment, DateTimeOffset now, string zoneId)
    {
        var (where, parameters) = filter.Where(councilId, onlyDepartment, now, zoneId);
        if (!filter.OverdueOnly) parameters.Add(("@today", LedgerFilter.Today(now, zoneId)));
        var counts = await readSide.QueryAsync(LedgerProjection.ProjectionName,
            $"SELECT COUNT(*), COALESCE(SUM(CASE WHEN {LedgerFilter.OverdueSql} THEN 1 ELSE 0 END), 0) FROM ledger WHERE {where}",
            r => (Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), [.. parameters]);
        return counts[0];
    }

    /// <summary>Every line of the filter, a page of the keyset at a time: the CSV writes each page out before reading the next.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<LedgerEntry>> BatchesAsync(ProjectionRunner readSide, string councilId, LedgerFilter filter,
        string? onlyDepartment, DateTimeOffset now, string zoneId, int size = 500, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Keyset? after = null;
        do
        {
            ct.ThrowIfCancellationRequested();
            var page = await PageAsync(readSide, councilId, filter, onlyDepartment, now, zoneId, after, null, size);
            if (page.Entries.Count > 0) yield return page.Entries;
            after = page.Next;
        } while (after is not null);
    }

    /// <summary>Open escalations and small requests of the council that are late now: the clerk's console.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> OverdueAsync(ProjectionRunner readSide, string councilId, DateTimeOffset now, string zoneId)
    {
        var rows = await readSide.QueryAsync(LedgerProjection.ProjectionName,
            "SELECT entry FROM ledger WHERE council_id = @council AND is_open = 1 AND (due_on < @today OR overdue = 1) ORDER BY due_on",
            Read, ("@council", councilId), ("@today", LedgerFilter.Today(now, zoneId)));
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
