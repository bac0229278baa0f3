using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Councils;

/// <summary>Household codes in batches (API and the list page's revoke form); each change is an event on the council's stream.</summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitationBatches(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/councils/{councilId}/invitations").WithTags("Councils");

        api.MapGet("/", async (string councilId, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).GetInvitationsAsync())).AccessFor(CouncilRole.Clerk);

        api.MapPost("/batches", async (string councilId, IssueInvitationBatch request, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).IssueInvitationBatchAsync(
                request with { RequestId = RequestIds.Of(http, request.RequestId) }, http.Actor()))).AccessFor(CouncilRole.Clerk);

        api.MapPost("/{codeRef}/revoke", async (string councilId, string codeRef, RevokeInvitation request, HttpContext http, IGrainFactory grains) =>
        {
            await grains.GetGrain<ICouncilGrain>(councilId).RevokeInvitationAsync(codeRef,
                request with { RequestId = RequestIds.Of(http, request.RequestId) }, http.Actor());
            return Results.NoContent();
        }).AccessFor(CouncilRole.Clerk);

        app.MapPost("/councils/{councilId}/invitations/{codeRef}/revoke", async (string councilId, string codeRef, [FromForm] RevokeForm? form,
            HttpContext http, IGrainFactory grains) =>
        {
            form ??= new RevokeForm();
            var list = $"/councils/{councilId}/invitations/list";
            return await FormRedirects.Attempt(list, async () =>
            {
                await grains.GetGrain<ICouncilGrain>(councilId).RevokeInvitationAsync(codeRef,
                    new RevokeInvitation(form.Reason ?? "") { RequestId = RequestIds.Checked(form.RequestId) }, http.Actor());
                return $"{list}?done=revoked";
            }, FormRedirects.Keep("revoke", form.RequestId));
        }).AccessFor(CouncilRole.Clerk).ExcludeFromDescription();

        return app;
    }
}

public sealed class RevokeForm
{
    public string? Reason { get; set; }
    public string? RequestId { get; set; }
}
