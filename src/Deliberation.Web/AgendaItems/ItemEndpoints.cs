using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.AgendaItems;

public static class ItemEndpoints
{
    public static IEndpointRouteBuilder MapAgendaItems(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/councils/{councilId}/items").WithTags("Agenda items");

        items.MapGet("/", async (string councilId, HttpContext http, ProjectionRunner readSide) =>
            Results.Ok(await ItemCatalogue.ListAsync(readSide, councilId, http.ActorOrNull()))).Access(Audience.Public);

        items.MapPost("/", async (string councilId, SubmitItem request, HttpContext http, IGrainFactory grains) =>
        {
            request = request with { RequestId = RequestIds.Of(http, request.RequestId) };
            var itemId = Identifiers.For("item", councilId, http.Actor().UserId, request.RequestId);
            var view = await grains.GetGrain<IAgendaItemGrain>(itemId).SubmitAsync(councilId, request, http.Actor());
            await Following.SubmitterFollows.FollowAsync(grains, councilId, itemId, http.Actor());
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

        // What was merged into the item: the council's people only, since merged topics are never disclosed themselves.
        items.MapGet("/{itemId}/merged", async (string councilId, string itemId, ProjectionRunner readSide) =>
            Results.Ok(await ItemMerges.IntoAsync(readSide, councilId, Identifiers.Require(itemId, "item")))).AccessFor();

        Commands.Map<AcceptItem>(items, "accept", null, CouncilRole.Clerk);
        Commands.Map<MergeItem>(items, "merge", null, CouncilRole.Clerk);
        Commands.Map<RouteItem>(items, "route", null, CouncilRole.Clerk);
        Commands.Map<DeclineItem>(items, "decline", null, CouncilRole.Clerk);
        Commands.Map<RecordProposal>(items, "record-proposal", null);
        Commands.Map<ReviseProposal>(items, "revise-proposal", null);
        Commands.Map<RecordConsultation>(items, "record-consultation", null);
        Commands.Map(items, "complete-step", new CompleteStep());
        Commands.Map<RecordResolution>(items, "record-resolution", null);
        Commands.Map<ApproveReview>(items, "approve-review", null);
        Commands.Map<ReturnReview>(items, "return-review", null);
        Commands.Map<DiscloseResolution>(items, "disclose", null);
        Commands.Map<RaiseObjection>(items, "object", null, CouncilRole.Resident);
        Commands.Map<UpholdObjection>(items, "uphold-objection", null);
        Commands.Map<DismissObjection>(items, "dismiss-objection", null);
        Commands.Map(items, "end-notice", new EndNotice());
        Commands.Map<AssignImplementation>(items, "assign-implementation", null, CouncilRole.Clerk);
        Commands.Map<ReportProgress>(items, "report-progress", null);
        Commands.Map<CompleteImplementation>(items, "complete-implementation", null);
        Commands.Map<DiscloseResult>(items, "disclose-result", null);
        Commands.Map<RateResult>(items, "rate", null, CouncilRole.Resident);
        Commands.Map<CloseItem>(items, "close", null);
        return app;
    }

    // Triage, objections and ratings belong to fixed roles, checked at the gate. Every other action drives a step, and
    // the item's template (data) names who acts at that step: the gate asks only for a role in the council, the
    // engine checks the step's acting role.
    private static readonly GrainCommands<IAgendaItemGrain, ItemCommand, ItemView> Commands =
        new("item", (item, councilId, command, by) => item.ActAsync(councilId, command, by),
            (http, command) => command with { RequestId = RequestIds.Of(http, command.RequestId) });
}

/// <summary>Item lists come from the items list projection (<see cref="ItemListProjection"/>), newest change first.</summary>
public static class ItemCatalogue
{
    public static async Task<IReadOnlyList<ItemSummary>> ListAsync(ProjectionRunner readSide, string councilId, Actor? viewer)
    {
        var insider = viewer is { Roles.Count: > 0 };
        return await readSide.QueryAsync(ItemListProjection.ProjectionName,
            "SELECT summary FROM item_list WHERE council_id = @council" + (insider ? "" : " AND is_public = 1") +
            " ORDER BY updated_at DESC, item_id",
            row => JsonSerializer.Deserialize<ItemSummary>(row.GetString(0), EventJson.Options)!,
            ("@council", councilId));
    }
}
