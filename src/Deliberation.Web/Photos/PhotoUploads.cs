using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.Photos;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Photos;

/// <summary>
/// Uploaded files turned into stored photos: at most <see cref="AgendaItem.MaxPhotosPerEntry"/> per request, each at most
/// <see cref="MaxBytes"/>, each decoded and re-encoded (<see cref="PhotoEncoding"/>) before a byte is kept. The item is
/// told only their ids. Bytes stored for a request that the item then refuses stay in the table, unreferenced and never
/// served (a photo is served only through an item that names it). A refusal is an <see cref="ArgumentException"/> (400)
/// worded in the sender's language.
/// </summary>
public sealed class PhotoUploads(IPhotoStore store, UiText text, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The largest request body that carries photos: every photo at its largest, and the form's text.</summary>
    public const long MaxRequestBytes = AgendaItem.MaxPhotosPerEntry * MaxBytes + 256 * 1024;

    /// <summary>The requests that may carry photos: multipart posts of a topic's submission form and of the item's photo form and API.</summary>
    public static bool CarriesPhotos(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
        && request.Path.Value is { } path && UploadPath.IsMatch(path);

    private static readonly System.Text.RegularExpressions.Regex UploadPath = new(
        "^(/councils/[^/]+/items/new|/(api/)?councils/[^/]+/items/[^/]+/photos)/?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public async Task<IReadOnlyList<PhotoRef>> StoreAsync(IReadOnlyList<IFormFile> files, string? description, string fallbackDescription,
        CancellationToken ct)
    {
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count > AgendaItem.MaxPhotosPerEntry) throw new ArgumentException(text.Format("photo.too-many", AgendaItem.MaxPhotosPerEntry));
        var photos = new List<PhotoRef>();
        foreach (var file in chosen)
        {
            if (file.Length > MaxBytes) throw new ArgumentException(text.Format("photo.too-large", Shown(file.FileName), MaxBytes / 1024 / 1024));
            if (file.Length == 0) throw new ArgumentException(text.Format("photo.not-an-image", Shown(file.FileName)));
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
            var photo = PhotoEncoding.Reencode(bytes) ?? throw new ArgumentException(text.Format("photo.not-an-image", Shown(file.FileName)));
            await store.SaveAsync(photo, clock.GetUtcNow(), ct);
            var said = string.IsNullOrWhiteSpace(description) ? fallbackDescription : description.Trim();
            photos.Add(new PhotoRef(photo.PhotoId, chosen.Count > 1 ? $"{said} ({photos.Count + 1}/{chosen.Count})" : said,
                photo.Width, photo.Height));
        }
        return photos;
    }

    public string NoneChosen => text["photo.none"];

    /// <summary>A file's name as the message quotes it: short, one line.</summary>
    private static string Shown(string? name)
    {
        var clean = new string((Path.GetFileName(name) ?? "").Where(c => !char.IsControl(c)).ToArray());
        return clean.Length > 60 ? clean[..60] + "…" : clean;
    }
}
