namespace Deliberation.Domain.DecisionRules;

/// <summary>What a rule made of a tally. Passes is never true without quorum.</summary>
public sealed record Decision(bool Quorum, bool Passes, Shortfall Shortfall);

/// <summary>
/// What it would take for the motion to carry, if members who have not yet taken part joined and voted for it.
/// Null means even all of them would not be enough; zero means nothing more is needed.
/// </summary>
public sealed record Shortfall(int? MoreForVotes, decimal? MoreForWeight);
