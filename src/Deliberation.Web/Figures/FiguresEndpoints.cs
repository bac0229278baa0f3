using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;

namespace Deliberation.Web.Figures;

/// <summary>The figures as JSON: a council's month (its staff), and the county's (the site administrator).</summary>
public static class FiguresEndpoints
{
    public static IEndpointRouteBuilder MapFigures(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/councils/{councilId}/figures", async (string councilId, string? month, ProjectionRunner readSide, TimeProvider clock,
                CouncilZones zones) =>
                Results.Ok(Json(await FiguresQueries.MonthAsync(readSide, councilId,
                    MonthPicker.Pick(month, clock.GetUtcNow(), await zones.OfAsync(councilId))))))
            .AccessFor(CouncilRole.Clerk, CouncilRole.Chair, CouncilRole.Member, CouncilRole.Reviewer).WithTags("Figures");

        app.MapGet("/api/figures/county", async (string? month, ProjectionRunner readSide, TimeProvider clock) =>
        {
            // The county's councils may keep different zones; its current month is China's.
            var (county, councils) = await FiguresQueries.CountyAsync(readSide, MonthPicker.Pick(month, clock.GetUtcNow(), CouncilTime.DefaultZoneId));
            return Results.Ok(new { county = Json(county), councils = councils.Select(c => new { council = c.Council, figures = Json(c.Report) }) });
        }).Access(Audience.Administrator).WithTags("Figures");
        return app;
    }

    public static object Json(FiguresReport r) => new
    {
        month = r.Month,
        topics = Facts(r, MatterFacts.Topic, "received", "accepted", "declined", "merged", "escalated", "adopted", "rejected"),
        requests = Facts(r, MatterFacts.Request, "received", "dispatched", "taken", "done"),
        escalations = Facts(r, MatterFacts.Escalation, "sent", "done", "returned", "reopened"),
        responseRate = r.ResponseRate, completionRate = r.CompletionRate, resolutionRate = r.ResolutionRate,
        satisfaction = r.Satisfaction, meanRating = r.MeanRating, ratings = r.Ratings,
        medianDaysToDecision = r.MedianDaysToDecision, p90DaysToDecision = r.P90DaysToDecision,
        medianDaysToResult = r.MedianDaysToResult, p90DaysToResult = r.P90DaysToResult,
        lateEvents = r.LateEvents,
    };

    private static Dictionary<string, long> Facts(FiguresReport r, string kind, params string[] facts) =>
        facts.ToDictionary(f => f, f => r.Count(kind, f));
}
