using Deliberation.Web.Errors;
using Deliberation.Domain.Comments;
using Deliberation.Domain.Councils;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Comments;

/// <summary>
/// An item's comments in a stream of their own (<c>item-comments-{itemId}</c>), not in the item's. The item's answers
/// carry its whole timeline and its stream is published whole in the public record once disclosed: a hidden comment's
/// text would reach both. Apart, the item grain stays as small as it was, a busy consultation does not queue behind
/// the item's turn, and the page reads comments from their projection. The item is asked where it stands on each change.
/// </summary>
public sealed class CommentsGrain(TimeProvider clock) : AggregateGrain<CommentThread, CommentEvent>(Category), ICommentsGrain
{
    // Not "agenda-item-…": code that tells an item's stream by that prefix must not take these for one.
    public const string Category = "item-comments";

    protected override CommentThread Fold(CommentThread? thread, CommentEvent e) =>
        throw new InvalidOperationException("Comments fold with the time of each event (TransitionState).");

    // A resident's pace is counted from when their comments were posted, which the log's envelope holds.
    protected override void TransitionState(Journal<CommentThread> state, Recorded<CommentEvent> recorded) =>
        (state.Aggregate ??= CommentThread.Empty()).Apply(recorded.Event, recorded.At);

    protected override string ScopeOf(CommentThread thread) => thread.CouncilId;

    protected override object SummaryOf(CommentThread thread, DateTimeOffset at) => SummaryOf(thread);

    private static CommentsSummary SummaryOf(CommentThread thread) => new(thread.ItemId, thread.OpenAtStep, thread.Comments.Count);

    /// <summary>The thread's catalogue row, for what writes its stream without the grain (the demo's history).</summary>
    public static Runtime.EventLog.StreamSummary CatalogueRowOf(CommentThread thread, DateTimeOffset at) =>
        CatalogueRow($"{Category}-{thread.ItemId}", Category, thread.CouncilId, SummaryOf(thread), at, false, null);

    public async Task<CommentAnswer> ActAsync(string councilId, CommentCommand command, Actor by)
    {
        if (Current is { } known && known.CouncilId != councilId) throw new NotFound(WebRefusals.NoItemHere.With(Key));
        var thread = Current ?? CommentThread.Empty();
        var item = await ItemAsync(councilId, by);
        // Without an id of the client's, a post is new each time it is sent.
        var clientId = command is PostComment p ? p.ClientCommentId ?? p.RequestId ?? Guid.NewGuid().ToString("n") : null;
        if (Answered(by.UserId, command.RequestId)) return Answer(thread, item, clientId, by);
        var now = clock.GetUtcNow();
        var events = command switch
        {
            OpenCommentWindow c => thread.OpenWindow(by, item, now, c.Reason),
            CloseCommentWindow c => thread.CloseWindow(by, now, c.Reason),
            PostComment c => thread.Post(by, item, now, clientId, c.Text),
            HideComment c => thread.Hide(by, now, c.No, c.Reason),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}."),
        };
        if (Current is null) await CommitNewAsync(thread, events, by.UserId, now, command.RequestId);
        else await CommitAsync(events, by.UserId, now, command.RequestId);
        return Answer(thread, item, clientId, by);
    }

    private static CommentAnswer Answer(CommentThread thread, ItemAt item, string? clientId, Actor by) =>
        new(thread.IsOpenAt(item), clientId is not null && thread.PostedAs(by.UserId, clientId) is { } posted ? posted.No : null);

    /// <summary>Where the item stands, as this person may see it: no item, or none of theirs to see, is not found.</summary>
    private async Task<ItemAt> ItemAsync(string councilId, Actor by)
    {
        var view = await GrainFactory.GetGrain<IAgendaItemGrain>(Key).GetAsync(councilId, by)
            ?? throw new NotFound(WebRefusals.ItemNotDisclosed);
        return CommentList.Where(view);
    }
}

/// <summary>A comment thread's catalogue row: its item, the step whose window is open (null: closed), how many comments.</summary>
public sealed record CommentsSummary(string ItemId, string? OpenAtStep, int Comments);
