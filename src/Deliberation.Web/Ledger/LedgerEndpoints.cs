using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Orleans;

namespace Deliberation.Web.Ledger;

/// <summary>
/// The ledger as CSV and as JSON, for the same filter as the page (<see cref="LedgerFilter"/>: no month is the working
/// period). A department's accounts hold no role in the council, so the gate asks only that the caller be signed in;
/// <see cref="LedgerAccess"/> then decides what they read, and refuses everyone else.
/// </summary>
public static class LedgerEndpoints
{
    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        app.MapGet("/councils/{councilId}/ledger.csv", async (string councilId, HttpContext http, IGrainFactory grains,
            ProjectionRunner readSide, TimeProvider clock, string? department, string? state, string? month, bool? overdue) =>
        {
            var reader = await LedgerAccess.ReaderAsync(grains, councilId, http.Actor());
            if (!reader.Allowed) return Refused();
            var now = clock.GetUtcNow();
            var filter = new LedgerFilter(department, state, month, overdue == true);
            var name = $"ledger-{councilId}{(string.IsNullOrEmpty(month) ? "" : "-" + month)}.csv";
            // Streamed: the rows are read a keyset page at a time and written as they come, so the whole ledger never
            // sits in memory; an error after the first bytes can only cut the download short, as any broken transfer.
            return Results.Stream(body => LedgerCsv.WriteAsync(body,
                    LedgerQueries.BatchesAsync(readSide, councilId, filter, reader.OnlyDepartment, now, ct: http.RequestAborted), now, http.RequestAborted),
                "text/csv; charset=utf-8", name);
        }).Access(Audience.SignedIn).ExcludeFromDescription();

        app.MapGet("/api/councils/{councilId}/ledger", async (string councilId, HttpContext http, IGrainFactory grains,
            ProjectionRunner readSide, TimeProvider clock, string? department, string? state, string? month, bool? overdue) =>
        {
            var reader = await LedgerAccess.ReaderAsync(grains, councilId, http.Actor());
            if (!reader.Allowed) return Refused();
            var now = clock.GetUtcNow();
            var entries = await LedgerQueries.EscalationsAsync(readSide, councilId, new LedgerFilter(department, state, month, overdue == true),
                reader.OnlyDepartment, now);
            return Results.Ok(entries.Select(e => new { entry = e, overdueNow = e.IsOverdueAt(now) }));
        }).Access(Audience.SignedIn).WithTags("Ledger");
        return app;
    }

    private static IResult Refused() => Results.Problem(statusCode: 403, title: "Not the ledger's reader",
        detail: "The ledger is read by the council's clerk, chair and members, and by a department's accounts for its own entries.");
}
