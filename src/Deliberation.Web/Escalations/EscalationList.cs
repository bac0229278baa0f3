using System.Globalization;
using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.Ledger;
using Deliberation.Web.ReadSide;
using Orleans;

namespace Deliberation.Web.Escalations;

/// <summary>
/// A council's escalations as its lists show them (open first, the soonest due on top, then the settled ones), a keyset
/// page at a time: everything for its staff (clerk, chair, members), a department's own for its accounts, nothing for
/// anyone else. The key is <c>open-yyyy-MM-dd</c> or <c>settled-yyyy-MM-dd</c> (the due date), so it orders as the page does.
/// </summary>
public static class EscalationList
{
    public static readonly KeysetOrder Order = new("list_key", "escalation_id", Descending: false);

    public static string KeyOf(bool open, DateOnly dueOn) =>
        (open ? "open-" : "settled-") + dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Keyset CursorOf(EscalationSummary e) => new(KeyOf(e.Status is not ("Done" or "Returned"), e.DueOn), e.Id);

    public static bool IsKey(string key) =>
        (key.StartsWith("open-", StringComparison.Ordinal) && Keyset.IsDay(key[5..]))
        || (key.StartsWith("settled-", StringComparison.Ordinal) && Keyset.IsDay(key[8..]));

    /// <summary>The page <paramref name="viewer"/> reads: empty when they read none of the council's escalations.</summary>
    public static async Task<KeysetPage<EscalationSummary>> PageAsync(ProjectionRunner readSide, IGrainFactory grains, string councilId,
        Actor viewer, Keyset? after, Keyset? before, int size)
    {
        var reader = await LedgerAccess.ReaderAsync(grains, councilId, viewer);
        if (!reader.Allowed) return new([], null, null);
        var where = "council_id = @council";
        var parameters = new List<(string, object?)> { ("@council", councilId) };
        if (reader.OnlyDepartment is { } department)
        {
            where += " AND department_id = @department";
            parameters.Add(("@department", department));
        }
        return await readSide.PageAsync(EscalationListProjection.ProjectionName, "SELECT summary FROM escalation_list", where, parameters, Order,
            r => JsonSerializer.Deserialize<EscalationSummary>(r.GetString(0), EventJson.Options)!, CursorOf, after, before, size);
    }
}
