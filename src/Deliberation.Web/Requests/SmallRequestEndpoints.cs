using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Deliberation.Web.ReadSide;
using Orleans;

namespace Deliberation.Web.Requests;

/// <summary>
/// Small requests: residents and grid workers post, the clerk dispatches, volunteers (and the people or groups a
/// request was dispatched to) take it and report it done, the resident confirms. The gate asks for a role in the
/// council; the request decides who may take which step.
/// </summary>
public static class SmallRequestEndpoints
{
    public static IEndpointRouteBuilder MapSmallRequests(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/councils/{councilId}/requests").WithTags("Small requests");

        // Newest change first, a keyset page at a time (after, size): the answer's next link asks for the page after.
        requests.MapGet("/", async (string councilId, HttpContext http, ProjectionRunner readSide, string? after, string? size) =>
        {
            if (KeysetPages.Ask(after, size, SmallRequestLists.IsNewestKey, out var cursor, out var pageSize) is { } bad) return bad;
            var viewer = http.Actor();
            var page = await SmallRequestLists.CouncilsAsync(readSide, councilId, cursor, pageSize);
            // Residents do not see which resident posted which request (as on items).
            return Results.Ok(new ApiPage<SmallRequestSummary>(page.Entries.Select(r =>
                    ResidentPrivacy.SeesNames(viewer) || r.PostedBy == viewer.UserId ? r : r with { PostedBy = ResidentPrivacy.Resident }).ToList(),
                KeysetPages.NextLink(http.Request, page.Next)));
        }).Produces<ApiPage<SmallRequestSummary>>().ProducesProblem(StatusCodes.Status400BadRequest).AccessFor();

        requests.MapPost("/", async (string councilId, PostSmallRequest request, HttpContext http, IGrainFactory grains) =>
        {
            var requestId = Identifiers.New("req");
            var view = await grains.GetGrain<ISmallRequestGrain>(requestId).PostAsync(councilId, request, http.Actor());
            return Results.Created($"/api/councils/{councilId}/requests/{requestId}", view);
        }).AccessFor(CouncilRole.Resident, CouncilRole.GridWorker).RequireRateLimiting(RateLimits.Submission);

        requests.MapGet("/{requestId}", async (string councilId, string requestId, HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<ISmallRequestGrain>(Identifiers.Require(requestId, "request")).GetAsync(councilId, http.Actor()) is { } view
                ? Results.Ok(view) : Results.Problem(statusCode: 404, detail: "There is no such request.")).AccessFor();

        Act<DispatchSmallRequest>(requests, "dispatch", null).AccessFor(CouncilRole.Clerk);
        Act(requests, "take", new TakeSmallRequest()).AccessFor();
        Act<ReportSmallRequestDone>(requests, "report-done", null).AccessFor();
        Act<ConfirmSmallRequest>(requests, "confirm", null).AccessFor(CouncilRole.Resident, CouncilRole.GridWorker);
        return app;
    }

    private static RouteHandlerBuilder Act<TCommand>(RouteGroupBuilder requests, string action, TCommand? noBody) where TCommand : SmallRequestCommand =>
        requests.MapCommand($"/{{requestId}}/{action}", noBody, async (http, command) => Results.Ok(
                await http.RequestServices.GetRequiredService<IGrainFactory>()
                    .GetGrain<ISmallRequestGrain>(Identifiers.Require(http.Route("requestId"), "request"))
                    .ActAsync(http.Route("councilId"), command, http.Actor())))
            .WithName($"request-{action}");
}
