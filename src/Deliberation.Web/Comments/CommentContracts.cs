namespace Deliberation.Web.Comments;

/// <summary>
/// What someone asks of an item's comments; each is also the JSON body of its endpoint. <c>RequestId</c> is its
/// idempotency key (or the <c>Idempotency-Key</c> header).
/// </summary>
public abstract record CommentCommand
{
    public string? RequestId { get; init; }
}

public sealed record OpenCommentWindow(string? Reason) : CommentCommand;
public sealed record CloseCommentWindow(string? Reason) : CommentCommand;

/// <summary>A resident's comment; <c>ClientCommentId</c> (else the request id) makes a resend post it once.</summary>
public sealed record PostComment(string? Text, string? ClientCommentId = null) : CommentCommand;

public sealed record HideComment(int No, string? Reason) : CommentCommand;

/// <summary>What a command left: whether the window is open now and, for a post, the comment's number.</summary>
public sealed record CommentAnswer(bool WindowOpen, int? No);

/// <summary>
/// One comment as this viewer may read it: residents unnamed (<see cref="AgendaItems.ResidentPrivacy.Resident"/>) to
/// all but those acting for the council; a hidden comment's text only to the clerk, its reason to everyone.
/// </summary>
public sealed record CommentView(int No, string Author, DateTimeOffset PostedAt, string? Text, bool Hidden, string? HiddenReason);

/// <summary>An item's comments and whether its window is open now, at the step the item stands at.</summary>
public sealed record CommentsView(bool WindowOpen, IReadOnlyList<CommentView> Comments);
