using Deliberation.Web.Errors;
using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.Photos;
using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Photos;

/// <summary>
/// Photos on items: served through the item that names them (so only to those who may see the item), and added by
/// form (multipart, antiforgery) or by the API (multipart, the <c>Idempotency-Key</c> header).
/// </summary>
public static class PhotoEndpoints
{
    /// <summary>A photo's bytes never change (its id is their hash): caches may keep it for a year.</summary>
    private const string CacheForAYear = "max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/councils/{councilId}/items/{itemId}/photos/{photoId}", async (string councilId, string itemId, string photoId,
            HttpContext http, IGrainFactory grains, IPhotoStore store, CancellationToken ct) =>
        {
            if (!AgendaItem.IsPhotoId(photoId)) return Results.NotFound();
            var item = await grains.GetGrain<IAgendaItemGrain>(Identifiers.Require(itemId, "item")).GetAsync(councilId, http.ActorOrNull());
            if (item is null || !PhotoEntries.Of(item).Any(p => p.PhotoId == photoId) || await store.FindAsync(photoId, ct) is not { } photo)
                return Results.NotFound();
            // A photo of an item not yet disclosed is for the council's people only: no shared cache keeps it.
            http.Response.Headers.CacheControl = (item.IsPublic ? "public, " : "private, ") + CacheForAYear;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(photo.Bytes, photo.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photoId}\""));
        }).Access(Audience.Public).ExcludeFromDescription();

        app.MapPost("/councils/{councilId}/items/{itemId}/photos", async (string councilId, string itemId, [FromForm] PhotoForm? form,
            HttpContext http, IGrainFactory grains, PhotoUploads uploads, CancellationToken ct) =>
        {
            // A form with nothing but files binds no fields.
            form ??= new PhotoForm();
            return await FormRedirects.Act($"/councils/{councilId}/items/{itemId}", "attach-photos", () =>
                AttachAsync(http, grains, uploads, councilId, itemId, form.Description, form.ProgressReport, RequestIds.Checked(form.RequestId), ct),
                FormRedirects.Keep("photos", form.RequestId));
        }).Access(Audience.Council).ExcludeFromDescription();

        // The API: multipart/form-data with files under any name, and optional fields description and progressReport.
        app.MapPost("/api/councils/{councilId}/items/{itemId}/photos", async (string councilId, string itemId, HttpContext http,
            IGrainFactory grains, PhotoUploads uploads, CancellationToken ct) =>
        {
            if (!http.Request.HasFormContentType) throw WebRefusals.PhotosMultipart.Invalid();
            var form = await http.Request.ReadFormAsync(ct);
            int? report = int.TryParse(form["progressReport"].FirstOrDefault(), out var n) ? n : null;
            return Results.Ok(await AttachAsync(http, grains, uploads, councilId, itemId, form["description"].FirstOrDefault(), report,
                RequestIds.Of(http, form[RequestIds.Field].FirstOrDefault()), ct));
        }).Access(Audience.Council).WithTags("Agenda items").DisableAntiforgery();

        return app;
    }

    private static async Task<ItemView> AttachAsync(HttpContext http, IGrainFactory grains, PhotoUploads uploads, string councilId,
        string itemId, string? description, int? progressReport, string? requestId, CancellationToken ct)
    {
        var grain = grains.GetGrain<IAgendaItemGrain>(Identifiers.Require(itemId, "item"));
        var item = await grain.GetAsync(councilId, http.Actor()) ?? throw new NotFound(WebRefusals.NoSuchItemHere);
        var files = http.Request.Form.Files;
        if (files.Count == 0) throw new ArgumentException(uploads.NoneChosen);
        var photos = await uploads.StoreAsync(files, description, item.Title, ct);
        return await grain.ActAsync(councilId, new AttachPhotos(photos, progressReport) { RequestId = requestId }, http.Actor());
    }
}

/// <summary>The item page's photo form: which entry the photos belong to, and what they show.</summary>
public sealed class PhotoForm
{
    public string? Description { get; set; }
    public int? ProgressReport { get; set; }
    public string? RequestId { get; set; }
}
