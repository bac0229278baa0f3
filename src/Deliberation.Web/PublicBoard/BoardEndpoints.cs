using System.Text;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Orleans;

namespace Deliberation.Web.PublicBoard;

/// <summary>
/// The board's feed and open data: Atom of the disclosures, and the disclosed decisions with their votes as JSON and as
/// CSV. Public and read only, like the board (a council that does not exist is answered 404 by the access gate).
/// </summary>
public static class BoardEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapPublicBoard(this IEndpointRouteBuilder app)
    {
        var council = app.MapGroup("/councils/{councilId}").WithTags("Public board");

        council.MapMethods("/feed.atom", GetAndHead, async (string councilId, HttpContext http, ProjectionRunner readSide, IGrainFactory grains) =>
        {
            var view = await grains.GetGrain<ICouncilGrain>(councilId).GetAsync();
            var title = $"{view?.NameZh} {view?.NameEn} · 决议公开 Disclosed decisions";
            var decisions = await BoardQueries.ListAsync(readSide, councilId, new BoardFilter(), limit: 100);
            return Results.Bytes(OpenDecisions.Feed(Site(http), councilId, title, decisions), "application/atom+xml; charset=utf-8");
        }).Access(Audience.Public).Compressed()
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
            .WithSummary("The council's disclosed decisions as an Atom 1.0 feed (latest 100).");

        council.MapMethods("/decisions.json", GetAndHead, async (string councilId, HttpContext http, ProjectionRunner readSide) =>
        {
            var decisions = await BoardQueries.ListAsync(readSide, councilId, new BoardFilter(), limit: int.MaxValue);
            var site = Site(http);
            return Results.Ok(decisions.Select(d => OpenDecision.Of(d, $"{site}/councils/{councilId}/items/{d.Id}")).ToList());
        }).Access(Audience.Public).Compressed()
            .Produces<IReadOnlyList<OpenDecision>>()
            .WithSummary("Every disclosed decision of the council with its votes (the count of each resolution).");

        council.MapMethods("/decisions.csv", GetAndHead, async (string councilId, HttpContext http, ProjectionRunner readSide) =>
        {
            var decisions = await BoardQueries.ListAsync(readSide, councilId, new BoardFilter(), limit: int.MaxValue);
            return Results.File(OpenDecisions.Csv(Site(http), councilId, decisions), "text/csv; charset=utf-8; header=present",
                $"{councilId}-decisions.csv");
        }).Access(Audience.Public).Compressed()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Every disclosed decision with its votes as CSV (UTF-8 with BOM, RFC 4180), one row per vote.");
        return app;
    }

    /// <summary>The site's own address as the request reached it (forwarded headers already applied for a trusted proxy).</summary>
    private static string Site(HttpContext http) => new StringBuilder(http.Request.Scheme).Append("://").Append(http.Request.Host.Value).ToString();
}
