using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.AgendaItems;

/// <summary>
/// Photos on the topic (by whoever submitted it, at submission or later, until the item is closed) and on progress
/// reports (by whoever may report progress, while the item is being implemented). A few per entry: a photo documents,
/// an album would bury the record.
/// </summary>
public sealed partial class AgendaItem
{
    public const int MaxPhotosPerEntry = 4;

    private readonly List<ItemPhoto> _photos = [];

    public IReadOnlyList<ItemPhoto> Photos => _photos;

    /// <summary>How many progress reports there are; a photo names one by its number, from 1.</summary>
    public int ProgressReports { get; private set; }

    /// <summary>Whether this person may add photos to the topic (null) or to progress report <paramref name="progressReport"/> now.</summary>
    public bool MayAttachPhotos(Actor by, int? progressReport) => progressReport is null
        ? by.UserId == SubmittedBy && Status != AgendaItemStatus.Closed
        : progressReport >= 1 && progressReport <= ProgressReports && CurrentStep is { Kind: StepKind.Implementation } step
          && ItemPermissions.Permits(by, ItemAction.ReportProgress, step);

    /// <param name="photos">The photos, already stored; their <c>ProgressReport</c> is ignored.</param>
    public IReadOnlyList<AgendaItemEvent> AttachPhotos(Actor by, IReadOnlyList<ItemPhoto> photos, int? progressReport)
    {
        if (photos.Count == 0) throw ItemRefusals.NoPhoto.Invalid(nameof(photos));
        if (!MayAttachPhotos(by, progressReport))
        {
            if (progressReport is null && by.UserId != SubmittedBy) throw new NotPermitted(ItemRefusals.PhotosOwnTopic);
            if (progressReport is { } n && (n < 1 || n > ProgressReports))
                throw ItemRefusals.NoSuchProgressReport.With(n).Invalid(nameof(progressReport));
            if (progressReport is null || CurrentStep is not { Kind: StepKind.Implementation })
                throw NotNow(ItemRefusals.AttachPhotos.AsPart(), ValidActions());
            ItemPermissions.Demand(by, ItemAction.ReportProgress, CurrentStep);
        }
        if (_photos.Count(p => p.ProgressReport == progressReport) + photos.Count > MaxPhotosPerEntry)
            throw ItemRefusals.TooManyPhotos.With(MaxPhotosPerEntry).Invalid(nameof(photos));
        var events = photos.Select(p => (AgendaItemEvent)new PhotoAttached(
            IsPhotoId(p.PhotoId) ? p.PhotoId : throw ItemRefusals.NotAPhoto.Invalid(nameof(photos)),
            TextRules.Check(p.Description ?? "", TextKind.Title, "photo description"), progressReport,
            p.Width is > 0 and <= 10_000 ? p.Width : throw ItemRefusals.PhotoWidth.Invalid(nameof(photos)),
            p.Height is > 0 and <= 10_000 ? p.Height : throw ItemRefusals.PhotoHeight.Invalid(nameof(photos))))
            .ToArray();
        return Raise(events);
    }

    /// <summary>A photo's id is the lower-case hex SHA-256 of its stored bytes.</summary>
    public static bool IsPhotoId(string? id) =>
        id is { Length: 64 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
