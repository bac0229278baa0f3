using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Deliberation.Web.ReadSide;
using Orleans;

namespace Deliberation.Web.Escalations;

/// <summary>
/// A department's accounts hold no role in the council, so the gate asks only that the caller be signed in; the
/// escalation itself lets a department see and answer only its own, and council people see their council's.
/// </summary>
public static class EscalationEndpoints
{
    public static IEndpointRouteBuilder MapEscalations(this IEndpointRouteBuilder app)
    {
        var escalations = app.MapGroup("/api/councils/{councilId}/escalations").WithTags("Escalations");

        // In the lists' order, a keyset page at a time (after, size): the answer's next link asks for the page after.
        escalations.MapGet("/", async (string councilId, HttpContext http, ProjectionRunner readSide, IGrainFactory grains, string? after, string? size) =>
        {
            if (KeysetPages.Ask(after, size, EscalationList.IsKey, out var cursor, out var pageSize) is { } bad) return bad;
            var page = await EscalationList.PageAsync(readSide, grains, councilId, http.Actor(), cursor, null, pageSize);
            return Results.Ok(new ApiPage<EscalationSummary>(page.Entries, KeysetPages.NextLink(http.Request, page.Next)));
        }).Produces<ApiPage<EscalationSummary>>().ProducesProblem(StatusCodes.Status400BadRequest).Access(Audience.SignedIn);

        escalations.MapGet("/{escalationId}", async (string councilId, string escalationId, HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IEscalationGrain>(Identifiers.Require(escalationId, "escalation")).GetAsync(councilId, http.Actor()) is { } view
                ? Results.Ok(view)
                : Results.Problem(statusCode: 404, detail: "There is no such escalation, or it is not yours to see."))
            .Access(Audience.SignedIn);

        Act<ReceiveEscalation>(escalations, "receive").Access(Audience.SignedIn);
        Act<NoteEscalationProgress>(escalations, "note-progress").Access(Audience.SignedIn);
        Act<CompleteEscalation>(escalations, "complete").Access(Audience.SignedIn);
        Act<ReturnEscalation>(escalations, "return").Access(Audience.SignedIn);
        Act<RateFeedback>(escalations, "rate").AccessFor(CouncilRole.Resident, CouncilRole.GridWorker);
        Act<ReopenEscalation>(escalations, "reopen").AccessFor(CouncilRole.Clerk);
        return app;
    }

    private static RouteHandlerBuilder Act<TCommand>(RouteGroupBuilder escalations, string action) where TCommand : EscalationCommand =>
        escalations.MapCommand<TCommand>($"/{{escalationId}}/{action}", null, async (http, command) => Results.Ok(
                await http.RequestServices.GetRequiredService<IGrainFactory>()
                    .GetGrain<IEscalationGrain>(Identifiers.Require(http.Route("escalationId"), "escalation"))
                    .ActAsync(http.Route("councilId"), command, http.Actor())))
            .WithName($"escalation-{action}");
}
