namespace Deliberation.Domain.Comments;

/// <summary>Something that happened to an item's comments. Actor and time live in the log's envelope, not here.</summary>
public abstract record CommentEvent;

/// <summary>
/// The clerk opened the window at a consultation step; it belongs to that entry into the step (<c>StepEntry</c>: the
/// item's log sequence of its <c>StepEntered</c>) and ends with it.
/// </summary>
public sealed record CommentWindowOpened(string ItemId, string CouncilId, string StepId, string Reason, long StepEntry = 0) : CommentEvent;

public sealed record CommentWindowClosed(string Reason) : CommentEvent;

/// <param name="No">Its number on the item, from 1.</param>
/// <param name="ClientCommentId">The id the resident's client gave it, so a resend posts it once.</param>
public sealed record CommentPosted(int No, string ClientCommentId, string AuthorId, string Text) : CommentEvent;

/// <summary>The comment stays in the log; the public record shows the reason in its place, never its text.</summary>
public sealed record CommentHidden(int No, string Reason) : CommentEvent;
