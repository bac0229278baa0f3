using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Ballots;

public abstract record BallotEvent;

/// <summary>
/// Who may vote is fixed when the ballot opens, from the meeting's roll call: each member present votes for themselves,
/// and a proxy also casts the vote of the absent member who named them (<see cref="BallotVoter.CastBy"/>).
/// The electorate is the whole roll, absent members included, and the rule is recorded so the count can be checked later
/// and so a change to the roll or the body during the ballot changes nothing in its count.
/// <c>Options</c> empty (or null, in events written before they existed) is a motion: for, against or abstain.
/// Otherwise each voter marks up to <c>MaxChoices</c> of the options, and <c>SelectionRuleId</c> names the rule for the winners.
/// <c>Practice</c> null is the default practice.
/// </summary>
public sealed record BallotOpened(string BallotId, string CouncilId, string MeetingId, string ItemId, string BodyId,
    string DecisionRuleId, BallotKind Kind, Count Electorate, IReadOnlyList<BallotVoter> Voters,
    IReadOnlyList<string>? Options = null, int? MaxChoices = null, string? SelectionRuleId = null, BallotPractice? Practice = null) : BallotEvent;

/// <summary>
/// A named vote. <see cref="ClientVoteId"/> lets a phone resend after a lost answer without voting twice.
/// On a multi-option ballot <c>Options</c> holds the options marked, and <c>Choice</c> is For when any is marked, Abstain when blank.
/// </summary>
public sealed record VoteCast(string VoterId, VoteChoice Choice, string CastBy, string ClientVoteId, IReadOnlyList<string>? Options = null) : BallotEvent;

/// <summary>A voter changed their vote while the ballot was open, as the body allows; the last vote counts.</summary>
public sealed record VoteChanged(string VoterId, VoteChoice Choice, string CastBy, string ClientVoteId, IReadOnlyList<string>? Options = null) : BallotEvent;

/// <summary>
/// Paper ballots counted by hand in the hall: the counts as the tellers gave them, and who counted.
/// <c>Options</c> holds each option's count on a multi-option ballot; For, Against and Abstain are then zero.
/// </summary>
public sealed record BallotHandCounted(Count For, Count Against, Count Abstain, IReadOnlyList<OptionCount> Options,
    IReadOnlyList<string> CountedBy) : BallotEvent;

/// <summary>
/// The count. On a multi-option ballot <c>Options</c> holds each option's support and <c>Elected</c> the winners under
/// the selection rule; the tally's For is then the ballots that marked anything and its Abstain the blank ones, and
/// <c>Passes</c> means the quorum held and someone won.
/// </summary>
public sealed record BallotClosed(Tally Tally, bool Quorum, bool Passes,
    IReadOnlyList<OptionCount>? Options = null, IReadOnlyList<string>? Elected = null) : BallotEvent;

/// <summary>
/// One vote of the ballot: whose it is, its weight, and who casts it (themselves, or the proxy they named). Where the
/// body's rule counts households (<see cref="DecisionRules.CountingUnit.Households"/>), the vote is the household's,
/// kept under one member present of it; <c>AlsoCastBy</c> names the household's other members present, any of whom may
/// cast it, once for the household.
/// </summary>
public sealed record BallotVoter(string UserId, decimal Weight, string CastBy, IReadOnlyList<string>? AlsoCastBy = null)
{
    public bool MayBeCastBy(string userId) => CastBy == userId || (AlsoCastBy?.Contains(userId) ?? false);
}

/// <summary>
/// Secret ballots record who took part apart from what was chosen (<see cref="SecretVoteTaken"/>) and publish only a
/// shuffled, signed list of (receipt, choice) at closing (<see cref="SecretBallotPublished"/>); docs/secret-ballots.md.
/// </summary>
public sealed record SecretVoteTaken(string VoterId, string CastBy, string ClientVoteId) : BallotEvent;

/// <summary>
/// The published list of a secret ballot, written once at closing in an order unrelated to the votes': each entry a
/// voter's receipt and choice, nothing naming a voter. <c>Signature</c> (base64, DER) is the council's ECDSA P-256
/// signature over <see cref="SecretBallotList.Text"/>, verifiable with <c>PublicKey</c> (PEM).
/// </summary>
public sealed record SecretBallotPublished(IReadOnlyList<SecretEntry> Entries, decimal Weight, string PublicKey, string Signature) : BallotEvent;

/// <summary>One line of a secret ballot's published list. <c>Options</c> on a ballot between options.</summary>
public sealed record SecretEntry(string Receipt, VoteChoice Choice, IReadOnlyList<string>? Options = null);

/// <summary>
/// Named ballots show who voted what once closed. Paper ballots are counted by hand in the hall and recorded as such.
/// Secret ballots never store a voter beside a choice (see <see cref="SecretVoteTaken"/>).
/// </summary>
public enum BallotKind { Named, Paper, Secret }

public enum VoteChoice { For, Against, Abstain }

public enum BallotStatus { Open, Closed }
