using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;
using Deliberation.Web.Errors;
using Deliberation.Web.ReadSide;
using Orleans;

namespace Deliberation.Web.Ledger;

/// <summary>
/// The ledger as CSV and as JSON, for the same filter as the page (<see cref="LedgerFilter"/>: no month is the working
/// period); the JSON in keyset pages, as the page (<see cref="KeysetPages.Ask"/>). A department's accounts hold no role
/// in the council, so the gate asks only that the caller be signed in; <see cref="LedgerAccess"/> then decides what they
/// read, and refuses everyone else.
/// </summary>
public static class LedgerEndpoints
{
    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        app.MapGet("/councils/{councilId}/ledger.csv", async (string councilId, HttpContext http, IGrainFactory grains,
            ProjectionRunner readSide, TimeProvider clock, CouncilZones zones, string? department, string? state, string? month, bool? overdue) =>
        {
            var reader = await LedgerAccess.ReaderAsync(grains, councilId, http.Actor());
            if (!reader.Allowed) return Refused();
            var (now, zone) = (clock.GetUtcNow(), await zones.OfAsync(councilId));
            var filter = new LedgerFilter(department, state, month, overdue == true);
            var name = $"ledger-{councilId}{(string.IsNullOrEmpty(month) ? "" : "-" + month)}.csv";
            // Streamed: the rows are read a keyset page at a time and written as they come, so the whole ledger never
            // sits in memory; an error after the first bytes can only cut the download short, as any broken transfer.
            return Results.Stream(body => LedgerCsv.WriteAsync(body,
                    LedgerQueries.BatchesAsync(readSide, councilId, filter, reader.OnlyDepartment, now, zone, ct: http.RequestAborted), now, http.RequestAborted),
                "text/csv; charset=utf-8", name);
        }).Access(Audience.SignedIn).ExcludeFromDescription();

        app.MapGet("/api/councils/{councilId}/ledger", async (string councilId, HttpContext http, IGrainFactory grains,
            ProjectionRunner readSide, TimeProvider clock, CouncilZones zones, string? department, string? state, string? month, string? overdue,
            string? after, string? size) =>
        {
            if (KeysetPages.Ask(after, size, LedgerCursor.IsMonth, out var cursor, out var pageSize) is { } bad) return bad;
            if (overdue is not null && !bool.TryParse(overdue, out _))
                return RefusalWords.Problem(400, "Not a filter of the ledger", WebRefusals.LedgerOverdue);
            var reader = await LedgerAccess.ReaderAsync(grains, councilId, http.Actor());
            if (!reader.Allowed) return Refused();
            var (now, zone) = (clock.GetUtcNow(), await zones.OfAsync(councilId));
            var filter = new LedgerFilter(department, state, month, overdue is not null && bool.Parse(overdue));
            var page = await LedgerQueries.PageAsync(readSide, councilId, filter, reader.OnlyDepartment, now, zone, cursor, null, pageSize);
            return Results.Ok(new ApiPage<LedgerLine>(page.Entries.Select(e => new LedgerLine(e, e.IsOverdueAt(now))).ToList(),
                KeysetPages.NextLink(http.Request, page.Next)));
        }).Produces<ApiPage<LedgerLine>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .Access(Audience.SignedIn).WithTags("Ledger");
        return app;
    }

    private static IResult Refused() => RefusalWords.Problem(403, "Not the ledger's reader", WebRefusals.LedgerReaders);
}

/// <summary>A line of the ledger in its JSON API, with whether it is late now.</summary>
public sealed record LedgerLine(LedgerEntry Entry, bool OverdueNow);
