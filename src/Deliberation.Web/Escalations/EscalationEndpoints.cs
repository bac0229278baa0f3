using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
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

        escalations.MapGet("/", async (string councilId, HttpContext http, IEventLog log, IGrainFactory grains) =>
            Results.Ok(await EscalationCatalogue.ListAsync(log, grains, councilId, http.Actor()))).Access(Audience.SignedIn);

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

/// <summary>
/// A council's escalations from the stream catalogue: everything for its staff (clerk, chair, members), a department's
/// own for its accounts, nothing for anyone else. (The ledger, with its filters and figures, is built on the read side.)
/// </summary>
public static class EscalationCatalogue
{
    public static async Task<IReadOnlyList<EscalationSummary>> ListAsync(IEventLog log, IGrainFactory grains, string councilId, Actor viewer)
    {
        var all = (await log.ListStreamsAsync(EscalationGrain.Category, councilId))
            .Select(s => JsonSerializer.Deserialize<EscalationSummary>(s.Summary, EventJson.Options)!);
        // The council's staff see them all; residents, volunteers and the rest find theirs through their own topics.
        if (Ledger.LedgerAccess.IsStaff(viewer)) return all.OrderByDescending(s => s.UpdatedAt).ToList();
        var department = (await grains.GetGrain<ICouncilGrain>(councilId).GetServicesAsync())?.DepartmentOf(viewer.UserId);
        return department is null ? [] : all.Where(s => s.DepartmentId == department.Id).OrderByDescending(s => s.UpdatedAt).ToList();
    }
}
