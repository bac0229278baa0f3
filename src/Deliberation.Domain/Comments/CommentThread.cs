using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.Comments;

/// <summary>
/// Where the item stands when its comments are asked to change: its council and current step (none when not in
/// process), and which entry into that step this is (the item's log sequence of it), since a return from review
/// enters the consultation step again: a window of the earlier entry does not open by itself the next time.
/// </summary>
public sealed record ItemAt(string ItemId, string CouncilId, string? StepId, StepKind? StepKind, long StepEntry = 0);

/// <summary>
/// The residents' comments on one item (评论): a window the clerk opens at a consultation step and closes, comments
/// posted by the council's residents while it is open at that step, and the clerk's hiding of a comment with a reason.
/// A window belongs to the step it was opened in: once the item moves on, nobody can post, closed or not. Nothing is
/// removed: a hidden comment stays in the log, and what the public reads in its place is the clerk's reason.
/// </summary>
public sealed class CommentThread
{
    /// <summary>A comment is a note, not a topic: a few paragraphs.</summary>
    public const int MaxLength = 1_000;

    /// <summary>How many comments one resident may post on one item within <see cref="RateWindow"/>.</summary>
    public const int MaxPerResidentInWindow = 5;

    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(10);

    private readonly List<Comment> _comments = [];
    private readonly Dictionary<(string Author, string ClientId), int> _byClientId = [];

    private CommentThread() { }

    public static CommentThread Empty() => new();

    public string ItemId { get; private set; } = "";
    public string CouncilId { get; private set; } = "";

    /// <summary>The step whose window is open now, or null when closed.</summary>
    public string? OpenAtStep { get; private set; }

    /// <summary>Which entry into <see cref="OpenAtStep"/> the window was opened in.</summary>
    public long OpenAtEntry { get; private set; }

    public IReadOnlyList<Comment> Comments => _comments;

    /// <summary>Whether a resident may post now, the item standing where it does.</summary>
    public bool IsOpenAt(ItemAt item) => OpenAtStep is not null && item.StepId == OpenAtStep && item.StepEntry == OpenAtEntry
        && item.StepKind == StepKind.Consultation;

    public IReadOnlyList<CommentEvent> OpenWindow(Actor by, ItemAt item, DateTimeOffset now, string? reason)
    {
        RequireClerk(by, CommentRefusals.ToOpen);
        if (item.StepKind != StepKind.Consultation || item.StepId is null)
            throw new CommentRuleViolation(CommentRefusals.OnlyAtConsultation);
        if (IsOpenAt(item)) throw new CommentRuleViolation(CommentRefusals.OpenAlready);
        return Raise(new CommentWindowOpened(item.ItemId, item.CouncilId, item.StepId, Reason(reason, "opened for consultation"), item.StepEntry), now);
    }

    public IReadOnlyList<CommentEvent> CloseWindow(Actor by, DateTimeOffset now, string? reason)
    {
        RequireClerk(by, CommentRefusals.ToClose);
        if (OpenAtStep is null) throw new CommentRuleViolation(CommentRefusals.NotOpen);
        return Raise(new CommentWindowClosed(Reason(reason, "consultation ended")), now);
    }

    /// <summary>
    /// Posts a comment; a resend with the same <paramref name="clientCommentId"/> by the same resident posts nothing
    /// again (no events) and <see cref="PostedAs"/> finds the first.
    /// </summary>
    public IReadOnlyList<CommentEvent> Post(Actor by, ItemAt item, DateTimeOffset now, string? clientCommentId, string? text)
    {
        if (!by.Holds(CouncilRole.Resident)) throw new NotPermitted(CommentRefusals.ResidentsOnly);
        var clientId = ClientId(clientCommentId);
        if (_byClientId.ContainsKey((by.UserId, clientId))) return [];
        if (!IsOpenAt(item)) throw new CommentRuleViolation(CommentRefusals.WindowClosed);
        var body = TextRules.Required(text, TextKind.Note, "comment");
        if (body.Length > MaxLength) throw new TextRuleViolation("comment", TextProblem.TooLong, MaxLength, body.Length);
        if (_comments.Count(c => c.AuthorId == by.UserId && c.PostedAt > now - RateWindow) >= MaxPerResidentInWindow)
            throw new CommentsTooFrequent(CommentRefusals.TooFrequent.With(MaxPerResidentInWindow, $"{RateWindow.TotalMinutes:0}"));
        return Raise(new CommentPosted(_comments.Count + 1, clientId, by.UserId, body), now);
    }

    /// <summary>The comment this resident posted under this client id, if any.</summary>
    public Comment? PostedAs(string authorId, string clientCommentId) =>
        _byClientId.TryGetValue((authorId, clientCommentId), out var no) ? _comments[no - 1] : null;

    public IReadOnlyList<CommentEvent> Hide(Actor by, DateTimeOffset now, int no, string? reason)
    {
        RequireClerk(by, CommentRefusals.ToHide);
        if (no < 1 || no > _comments.Count) throw CommentRefusals.NoSuchComment.With(no).Invalid(nameof(no));
        if (_comments[no - 1].HiddenReason is not null) throw new CommentRuleViolation(CommentRefusals.HiddenAlready.With(no));
        if (string.IsNullOrWhiteSpace(reason)) throw CommentRefusals.GiveReason.Invalid(nameof(reason));
        return Raise(new CommentHidden(no, TextRules.Check(reason, TextKind.Note, "reason")), now);
    }

    /// <param name="at">When it happened (the log's envelope holds it): a resident's pace is counted from it.</param>
    public void Apply(CommentEvent e, DateTimeOffset at)
    {
        switch (e)
        {
            case CommentWindowOpened o: (ItemId, CouncilId, OpenAtStep, OpenAtEntry) = (o.ItemId, o.CouncilId, o.StepId, o.StepEntry); break;
            case CommentWindowClosed: OpenAtStep = null; break;
            case CommentPosted p:
                _comments.Add(new Comment(p.No, p.AuthorId, p.Text, at, null));
                _byClientId[(p.AuthorId, p.ClientCommentId)] = p.No;
                break;
            case CommentHidden h: _comments[h.No - 1] = _comments[h.No - 1] with { HiddenReason = h.Reason }; break;
        }
    }

    private static void RequireClerk(Actor by, RefusalText what)
    {
        if (!by.Holds(CouncilRole.Clerk)) throw NotPermitted.Requires(what, CouncilRole.Clerk);
    }

    private static string Reason(string? reason, string otherwise) =>
        TextRules.Optional(reason, TextKind.Note, "reason") ?? otherwise;

    /// <summary>A client's id for its comment: 1 to 100 printable ASCII characters without spaces.</summary>
    private static string ClientId(string? id) =>
        id is { Length: > 0 and <= 100 } && id.All(c => c is >= '!' and <= '~')
            ? id
            : throw CommentRefusals.ClientId.Invalid("clientCommentId");

    private IReadOnlyList<CommentEvent> Raise(CommentEvent e, DateTimeOffset at)
    {
        Apply(e, at);
        return [e];
    }
}

/// <summary>A comment as the thread holds it; <see cref="HiddenReason"/> is set once the clerk hid it.</summary>
public sealed record Comment(int No, string AuthorId, string Text, DateTimeOffset PostedAt, string? HiddenReason);
