using Deliberation.Web.Grains;
using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// The item pages' forms (post, then redirect back): the browser's way to act, with no script. Binding a form makes
/// the antiforgery check mandatory; refusals come back to the page as a message, never as a half-done change.
/// </summary>
public static class ItemFormEndpoints
{
    public static IEndpointRouteBuilder MapItemForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/councils/{councilId}/items/{itemId}/act", async (string councilId, string itemId,
            [FromForm] ItemActionForm form, HttpContext http, IGrainFactory grains) =>
        {
            return await FormRedirects.Act($"/councils/{councilId}/items/{itemId}", form.Action, () =>
                grains.GetGrain<IAgendaItemGrain>(Identifiers.Require(itemId, "item"))
                    .ActAsync(councilId, form.ToCommand() with { RequestId = RequestIds.Checked(form.RequestId) }, http.Actor()),
                FormRedirects.Keep($"act.{form.Action}", form.RequestId));
        }).Access(Audience.Council).ExcludeFromDescription();

        app.MapPost("/councils/{councilId}/items/new", async (string councilId, [FromForm] SubmitItemForm form, HttpContext http, IGrainFactory grains,
            Photos.PhotoUploads uploads, CancellationToken ct) =>
        {
            return await FormRedirects.Attempt($"/councils/{councilId}/items/new", async () =>
            {
                var requestId = RequestIds.Checked(form.RequestId);
                var itemId = Identifiers.For("item", councilId, http.Actor().UserId, requestId);
                // Photos are checked and stored first; the item records them with the topic, in the same commit.
                var photos = http.Request.HasFormContentType
                    ? await uploads.StoreAsync(http.Request.Form.Files, form.Description, form.Title ?? "", ct) : [];
                await grains.GetGrain<IAgendaItemGrain>(itemId).SubmitAsync(councilId,
                    new SubmitItem(form.Title ?? "", form.Text ?? "", form.Category ?? "", form.Place ?? "", form.OnBehalfOf)
                    { RequestId = requestId, Photos = photos }, http.Actor());
                await Following.SubmitterFollows.FollowAsync(grains, councilId, itemId, http.Actor());
                return $"/councils/{councilId}/items/{itemId}?done=submitted";
            }, FormRedirects.Keep("submit", form.RequestId));
        }).AccessFor(CouncilRole.Resident, CouncilRole.GridWorker).RequireRateLimiting(RateLimits.Submission).ExcludeFromDescription();

        return app;
    }
}

public sealed class SubmitItemForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Category { get; set; }
    public string? Place { get; set; }
    public string? OnBehalfOf { get; set; }
    /// <summary>What the attached photos show (their alt text); the topic's title if none.</summary>
    public string? Description { get; set; }
    public string? RequestId { get; set; }
}
