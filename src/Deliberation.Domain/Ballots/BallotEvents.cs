using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Ballots;

public abstract record BallotEvent;

/// <summary>
/// Who may vote is fixed when the ballot opens, from the meeting's roll call: each member present votes for themselves,
/// and a proxy also casts the vote of the absent member who named them (<see cref="BallotVoter.CastBy"/>).
/// The electorate is the whole roll, absent members included, and the rule is recorded so the count can be checked later.
/// </summary>
public sealed record BallotOpened(string BallotId, string CouncilId, string MeetingId, string ItemId, string BodyId,
    string DecisionRuleId, BallotKind Kind, Count Electorate, IReadOnlyList<BallotVoter> Voters) : BallotEvent;

/// <summary>A named vote. <see cref="ClientVoteId"/> lets a phone resend after a lost answer without voting twice.</summary>
public sealed record VoteCast(string VoterId, VoteChoice Choice, string CastBy, string ClientVoteId) : BallotEvent;

public sealed record BallotClosed(Tally Tally, bool Quorum, bool Passes) : BallotEvent;

public sealed record BallotVoter(string UserId, decimal Weight, string CastBy);

/// <summary>Named ballots show who voted what once closed. Secret ballots (which never store voter and choice together) come with live voting.</summary>
public enum BallotKind { Named }

public enum VoteChoice { For, Against, Abstain }

public enum BallotStatus { Open, Closed }
