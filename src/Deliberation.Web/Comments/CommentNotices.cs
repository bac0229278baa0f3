using Deliberation.Domain.Comments;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.Inbox;

namespace Deliberation.Web.Comments;

/// <summary>An item opened for comments, told to its followers: the one moment they can add their word online.</summary>
internal static class CommentNotices
{
    public static async Task ApplyAsync(LoggedEvent logged, ProjectionContext context)
    {
        if (logged.Event.EventType != nameof(CommentWindowOpened)) return;
        if (EventCodec<CommentEvent>.Instance.Decode(logged.Event) is not CommentWindowOpened opened) return;
        var itemId = NoticesProjection.KeyOf(logged.Event.StreamId, CommentsGrain.Category);
        if (await ItemNotices.TitleAsync(context, itemId) is not { } item) return;
        await NoticesProjection.SendAsync(context, logged, await NoticeFollowers.OfAsync(context, item.CouncilId, itemId),
            new NoticeDraft(item.CouncilId, "comments.opened", itemId, $"/councils/{item.CouncilId}/items/{itemId}#comments",
                [item.Title, opened.Reason]));
    }
}
