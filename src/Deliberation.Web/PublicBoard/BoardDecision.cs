namespace Deliberation.Web.PublicBoard;

/// <summary>
/// A disclosed decision as the board, its feeds and its open data show it: what the item is, where it stands, and every
/// resolution voted on it with its count. Nothing here names a resident (no submitter, objector or rater).
/// </summary>
public sealed record BoardDecision(
    string Id,
    string CouncilId,
    string Title,
    string Text,
    string Category,
    string Place,
    string Status,
    string? Outcome,
    string Stage,
    string? StageNameZh,
    string? StageNameEn,
    string? BodyId,
    DateTimeOffset DisclosedAt,
    DateTimeOffset UpdatedAt,
    string? Proposal,
    string? Result,
    IReadOnlyList<BoardVote> Votes)
{
    /// <summary>What search reads and marks: the texts the public reads on the item.</summary>
    public string SearchText => string.Join('\n', new[] { Title, Category, Place, Text, Proposal, Result }.Where(t => !string.IsNullOrEmpty(t)));
}

/// <summary>One resolution put to a body's vote on the item, with the count under the rule it was decided by.</summary>
public sealed record BoardVote(
    string StepId,
    string? StepNameZh,
    string? StepNameEn,
    string? BodyId,
    string DecisionRuleId,
    bool Adopted,
    bool Quorum,
    BoardCount Electorate,
    BoardCount Present,
    BoardCount For,
    BoardCount Against,
    BoardCount Abstain,
    string? MeetingId,
    DateTimeOffset At);

/// <summary>Heads and weight (floor area, households) as the body's rule counts them.</summary>
public sealed record BoardCount(int Members, decimal Weight);
