using Deliberation.Domain.Comments;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Inbox;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Comments;

/// <summary>An item opened for comments, told to its followers: the one moment they can add their word online.</summary>
internal sealed class CommentNotices() : CategoryReader<CommentEvent>(CommentsGrain.Category)
{
    protected override bool Reads(string eventType) => eventType == nameof(CommentWindowOpened);

    protected override async Task ApplyAsync(string itemId, CommentEvent e, LoggedEvent logged, ProjectionContext context)
    {
        if (e is not CommentWindowOpened opened) return;
        if (await ItemNotices.TitleAsync(context, itemId) is not { } item) return;
        await NoticesProjection.SendAsync(context, logged, await NoticeFollowers.OfAsync(context, item.CouncilId, itemId),
            new NoticeDraft(item.CouncilId, "comments.opened", itemId, $"/councils/{item.CouncilId}/items/{itemId}#comments",
                [item.Title, opened.Reason]));
    }
}
