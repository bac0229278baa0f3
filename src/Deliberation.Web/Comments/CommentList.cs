using System.Globalization;
using Deliberation.Domain.Comments;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;
using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;

namespace Deliberation.Web.Comments;

/// <summary>An item's comments as one viewer may read them, from <see cref="CommentsProjection"/>.</summary>
public static class CommentList
{
    /// <summary>Where the item stands, for its comments: its step and which entry into it (the sequence of its last <c>StepEntered</c>).</summary>
    public static ItemAt Where(ItemView item) => new(item.Id, item.CouncilId,
        item.Status == nameof(Domain.AgendaItems.AgendaItemStatus.InProcess) ? item.CurrentStep?.Id : null,
        item.Status == nameof(Domain.AgendaItems.AgendaItemStatus.InProcess) && item.CurrentStep is { } step
            && Enum.TryParse<StepKind>(step.Kind, out var kind) ? kind : null,
        item.Timeline.LastOrDefault(e => e.Type == nameof(Domain.AgendaItems.StepEntered))?.Sequence ?? 0);

    /// <param name="item">The item as this viewer sees it (their right to see it already decided).</param>
    public static async Task<CommentsView> ForAsync(ProjectionRunner readSide, ItemView item, Actor? viewer)
    {
        var windows = await readSide.QueryAsync(CommentsProjection.ProjectionName,
            "SELECT open_step_id, open_step_entry FROM comment_windows WHERE council_id = @council AND item_id = @item",
            row => (Step: row.IsDBNull(0) ? null : row.GetString(0), Entry: row.GetInt64(1)), ("@council", item.CouncilId), ("@item", item.Id));
        var rows = await readSide.QueryAsync(CommentsProjection.ProjectionName,
            "SELECT comment_no, author_id, posted_at, text, hidden_reason FROM item_comments WHERE council_id = @council AND item_id = @item ORDER BY comment_no",
            row => (No: (int)row.GetInt64(0), Author: row.GetString(1),
                At: DateTimeOffset.Parse(row.GetString(2), CultureInfo.InvariantCulture), Text: row.GetString(3),
                Hidden: row.IsDBNull(4) ? null : row.GetString(4)),
            ("@council", item.CouncilId), ("@item", item.Id));
        var names = ResidentPrivacy.SeesNames(viewer);
        var clerk = viewer?.Holds(CouncilRole.Clerk) == true;
        var at = Where(item);
        var open = windows.Count == 1 && windows[0].Step is { } step && at.StepKind == StepKind.Consultation && at.StepId == step
            && at.StepEntry == windows[0].Entry;
        return new CommentsView(open, rows.Select(r => new CommentView(r.No, names ? r.Author : ResidentPrivacy.Resident, r.At,
            r.Hidden is null || clerk ? r.Text : null, r.Hidden is not null, r.Hidden)).ToList());
    }
}
