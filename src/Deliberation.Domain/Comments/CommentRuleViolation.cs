namespace Deliberation.Domain.Comments;

/// <summary>The comments do not allow this now (the window is closed, the comment is already hidden), whoever asks.</summary>
public sealed class CommentRuleViolation : Exception
{
    public CommentRuleViolation(Said said) : base(said.Text) => said.Stamp(this);
}

/// <summary>A resident posted as many comments as one may in a while; they may post again later.</summary>
public sealed class CommentsTooFrequent : Exception
{
    public CommentsTooFrequent(Said said) : base(said.Text) => said.Stamp(this);
}
