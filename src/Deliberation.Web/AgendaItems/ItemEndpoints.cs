using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.AgendaItems;

public static class ItemEndpoints
{
    public static IEndpointRouteBuilder MapAgendaItems(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/councils/{councilId}/items").WithTags("Agenda items");

        items.MapGet("/", async (string councilId, HttpContext http, IEventLog log) =>
            Results.Ok(await ItemCatalogue.ListAsync(log, councilId, http.ActorOrNull()))).Access(Audience.Public);

        items.MapPost("/", async (string councilId, SubmitItem request, HttpContext http, IGrainFactory grains) =>
        {
            request = request with { RequestId = RequestIds.Of(http, request.RequestId) };
            var itemId = Identifiers.For("item", councilId, http.Actor().UserId, request.RequestId);
            var view = await grains.GetGrain<IAgendaItemGrain>(itemId).SubmitAsync(councilId, request, http.Actor());
            return Results.Created($"/api/councils/{councilId}/items/{itemId}", view);
        }).AccessFor(CouncilRole.Resident, CouncilRole.GridWorker).RequireRateLimiting(RateLimits.Submission);

        items.MapGet("/{itemId}", async (string councilId, string itemId, HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IAgendaItemGrain>(Identifiers.Require(itemId, "item")).GetAsync(councilId, http.ActorOrNull()) is { } view
                ? Results.Ok(view)
                : Results.Problem(statusCode: 404, detail: "There is no such item, or it has not been disclosed."))
            .Access(Audience.Public);

        items.MapGet("/{itemId}/verification", async (string councilId, string itemId, HttpContext http, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IAgendaItemGrain>(Identifiers.Require(itemId, "item"));
            if (await grain.GetAsync(councilId, http.ActorOrNull()) is null)
                return Results.Problem(statusCode: 404, detail: "There is no such item, or it has not been disclosed.");
            return Results.Ok(await grain.VerifyAsync());
        }).Access(Audience.Public);

        Act<AcceptItem>(items, "accept", null, CouncilRole.Clerk);
        Act<MergeItem>(items, "merge", null, CouncilRole.Clerk);
        Act<RouteItem>(items, "route", null, CouncilRole.Clerk);
        Act<DeclineItem>(items, "decline", null, CouncilRole.Clerk);
        Act<RecordProposal>(items, "record-proposal", null);
        Act<ReviseProposal>(items, "revise-proposal", null);
        Act<RecordConsultation>(items, "record-consultation", null);
        Act(items, "complete-step", new CompleteStep());
        Act<RecordResolution>(items, "record-resolution", null);
        Act<ApproveReview>(items, "approve-review", null);
        Act<ReturnReview>(items, "return-review", null);
        Act<DiscloseResolution>(items, "disclose", null);
        Act<RaiseObjection>(items, "object", null, CouncilRole.Resident);
        Act<UpholdObjection>(items, "uphold-objection", null);
        Act<DismissObjection>(items, "dismiss-objection", null);
        Act(items, "end-notice", new EndNotice());
        Act<AssignImplementation>(items, "assign-implementation", null, CouncilRole.Clerk);
        Act<ReportProgress>(items, "report-progress", null);
        Act<CompleteImplementation>(items, "complete-implementation", null);
        Act<DiscloseResult>(items, "disclose-result", null);
        Act<RateResult>(items, "rate", null, CouncilRole.Resident);
        Act<CloseItem>(items, "close", null);
        return app;
    }

    // Triage, objections and ratings belong to fixed roles, checked at the gate. Every other action drives a step, and
    // the item's template (data) names who acts at that step: the gate asks only for a role in the council, the
    // engine checks the step's acting role.
    private static void Act<TCommand>(RouteGroupBuilder items, string action, TCommand? noBody, params CouncilRole[] roles)
        where TCommand : ItemCommand =>
        items.MapCommand($"/{{itemId}}/{action}", noBody, async (http, command) => Results.Ok(
                await http.RequestServices.GetRequiredService<IGrainFactory>()
                    .GetGrain<IAgendaItemGrain>(Identifiers.Require(http.Route("itemId"), "item"))
                    .ActAsync(http.Route("councilId"), command with { RequestId = RequestIds.Of(http, command.RequestId) }, http.Actor())))
            .AccessFor(roles).WithName($"item-{action}");
}

/// <summary>Item lists come from the stream catalogue, which every append keeps current in the same transaction.</summary>
public static class ItemCatalogue
{
    public static async Task<IReadOnlyList<ItemSummary>> ListAsync(IEventLog log, string councilId, Actor? viewer)
    {
        var insider = viewer is { Roles.Count: > 0 };
        return (await log.ListStreamsAsync(AgendaItemGrain.Category, councilId))
            .Select(s => JsonSerializer.Deserialize<ItemSummary>(s.Summary, EventJson.Options)!)
            .Where(s => insider || s.IsPublic)
            .OrderByDescending(s => s.UpdatedAt)
            .ToList();
    }
}
