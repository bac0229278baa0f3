namespace Deliberation.Domain.Comments;

/// <summary>What the comments refuse, in their own words (see <see cref="RefusalText"/>).</summary>
public static class CommentRefusals
{
    public static readonly RefusalText OnlyAtConsultation = new("comment.only-at-consultation", "Comments open only while the item is at a consultation step.");
    public static readonly RefusalText OpenAlready = new("comment.open-already", "The comment window is already open.");
    public static readonly RefusalText NotOpen = new("comment.not-open", "The comment window is not open.");
    public static readonly RefusalText ResidentsOnly = new("comment.residents-only", "Only a verified resident of the council may comment.");
    public static readonly RefusalText WindowClosed = new("comment.window-closed", "The comment window is closed: comments are taken only while the clerk keeps it open at a consultation step.");
    public static readonly RefusalText TooFrequent = new("comment.too-frequent", "At most {0} comments per resident in {1} minutes; post again a little later.");
    public static readonly RefusalText NoSuchComment = new("comment.no-such-comment", "There is no comment {0}.");
    public static readonly RefusalText HiddenAlready = new("comment.hidden-already", "Comment {0} is already hidden.");
    public static readonly RefusalText GiveReason = new("comment.give-reason", "Give a reason: the public reads it in the comment's place.");
    public static readonly RefusalText ClientId = new("comment.client-id", "A comment's client id is 1 to 100 printable ASCII characters without spaces.");
    public static readonly RefusalText ToOpen = new("comment.act.open", "open the comment window");
    public static readonly RefusalText ToClose = new("comment.act.close", "close the comment window");
    public static readonly RefusalText ToHide = new("comment.act.hide", "hide a comment");
}
