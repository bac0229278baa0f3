using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Ballots;

/// <summary>
/// A secret ballot knows who took part, never what they chose: the choice travels sealed beside it (the host's concern)
/// and comes back only at closing, as a list without names. So the ballot decides whether a vote may be taken, and
/// counts the list it is handed against those who took part.
/// </summary>
public sealed partial class Ballot
{
    private readonly Dictionary<string, SecretVoteTaken> _taken = new(StringComparer.Ordinal);

    public bool IsSecret => Kind == BallotKind.Secret;

    /// <summary>Who took part in a secret ballot, and with which client vote id.</summary>
    public IReadOnlyCollection<SecretVoteTaken> Participations => _taken.Values;

    public SecretBallotPublished? Published { get; private set; }

    /// <summary>Whether this voter's vote is in: cast on a named ballot, or taken part in a secret one.</summary>
    public bool HasVoted(string voterId) => _votes.ContainsKey(voterId) || _taken.ContainsKey(voterId);

    /// <summary>How many votes are in.</summary>
    public int VotesIn => IsSecret ? _taken.Count : _votes.Count;

    /// <summary>
    /// Decides a secret vote without recording it: who votes, the choice in the ballot's terms, and whether this is a
    /// resend of a participation already taken with the same client vote id by the same caster (<see cref="SecretDecision.AlreadyTaken"/>).
    /// A second vote with another id is refused: changing a secret vote would need the old choice found again.
    /// </summary>
    public SecretDecision DecideSecret(Actor by, string? voterId, VoteChoice? choice, IReadOnlyList<string>? options, string clientVoteId)
    {
        if (!IsSecret) throw new BallotRuleViolation(BallotRefusals.NotSecret);
        clientVoteId = clientVoteId?.Trim() ?? "";
        if (clientVoteId.Length is 0 or > 64)
            throw BallotRefusals.ClientVoteId.Invalid(nameof(clientVoteId));
        var (vote, marks) = Marked(choice, options);
        var voter = VoterFor(by, voterId);
        if (!by.Holds(CouncilRole.Member, BodyId) || !_voters.TryGetValue(voter, out var eligible) || !eligible.MayBeCastBy(by.UserId))
            throw new NotPermitted(BallotRefusals.NotAVoter);
        var decided = new SecretDecision(voter, by.UserId, clientVoteId, vote, IsMotion ? null : marks, false);
        if (_taken.TryGetValue(voter, out var taken))
        {
            // Only who cast it resends it: a resend is answered with the vote's receipt, and where a household votes,
            // another member of it sending the same id would learn the receipt, and from the published list the choice.
            if (taken.ClientVoteId == clientVoteId && taken.CastBy == by.UserId) return decided with { AlreadyTaken = true };
            throw new BallotRuleViolation(BallotRefusals.SecretCastAlready);
        }
        if (Status != BallotStatus.Open) throw new BallotRuleViolation(BallotRefusals.Closed);
        return decided;
    }

    /// <summary>
    /// Records that the voter took part, once their sealed choice is durable: the event names the voter and who cast,
    /// nothing of the choice. Checked again, since the ballot may have closed or the voter taken part meanwhile.
    /// </summary>
    public IReadOnlyList<BallotEvent> TakeSecret(SecretDecision decided)
    {
        if (!IsSecret) throw new BallotRuleViolation(BallotRefusals.NotSecret);
        if (_taken.TryGetValue(decided.VoterId, out var taken))
            return taken.ClientVoteId == decided.ClientVoteId && taken.CastBy == decided.CastBy ? [] : throw new BallotRuleViolation(BallotRefusals.SecretCastAlready);
        if (Status != BallotStatus.Open) throw new BallotRuleViolation(BallotRefusals.Closed);
        return Raise(new SecretVoteTaken(decided.VoterId, decided.CastBy, decided.ClientVoteId));
    }

    /// <summary>
    /// Closes a secret ballot with its published list (shuffled and signed by the host): one entry per participation,
    /// each a choice valid on this ballot, all of one weight (a secret ballot's voters carry equal weight).
    /// </summary>
    public IReadOnlyList<BallotEvent> CloseSecret(Actor by, DecisionRule rule, SecretBallotPublished published)
    {
        RequireClosable(by, rule);
        if (!IsSecret) throw new BallotRuleViolation(BallotRefusals.NotSecret);
        if (published.Entries.Count != _taken.Count)
            throw BallotRefusals.ListCount.With(published.Entries.Count, _taken.Count).Invalid(nameof(published));
        if (published.Weight != SecretWeight) throw BallotRefusals.ListWeight.Invalid(nameof(published));
        if (published.Entries.Select(e => e.Receipt).Distinct(StringComparer.Ordinal).Count() != published.Entries.Count)
            throw BallotRefusals.ReceiptTwice.Invalid(nameof(published));
        var entries = published.Entries.Select(e => (e, Marked(IsMotion ? e.Choice : null, IsMotion ? null : e.Options ?? []))).ToList();
        Count Of(Func<(VoteChoice Choice, IReadOnlyList<string> Options), bool> which)
        {
            var members = entries.Count(e => which(e.Item2));
            return new Count(members, members * SecretWeight);
        }
        var closed = IsMotion
            ? Closing(rule, Of(m => m.Choice == VoteChoice.For), Of(m => m.Choice == VoteChoice.Against), Of(m => m.Choice == VoteChoice.Abstain), [])
            : Closing(rule, Of(m => m.Options.Count > 0), Count.Zero, Of(m => m.Options.Count == 0),
                Options.Select(o => new OptionCount(o, Of(m => m.Options.Contains(o)))).ToList());
        return Raise(published, closed);
    }

    /// <summary>The one weight every voter of a secret ballot carries.</summary>
    public decimal SecretWeight => _voters.Values.Select(v => v.Weight).FirstOrDefault(1m);

    private static void RequireEqualWeights(IReadOnlyList<BallotVoter> voters)
    {
        // A weight only one voter carries (a 120 m² flat) would name them in the list and, by subset sums, in the totals.
        if (voters.Select(v => v.Weight).Distinct().Count() > 1)
            throw new BallotRuleViolation(BallotRefusals.EqualWeight);
    }
}

/// <summary>A secret vote as decided, before it is recorded: the voter, who cast it, the client vote id and the choice.</summary>
public sealed record SecretDecision(string VoterId, string CastBy, string ClientVoteId, VoteChoice Choice, IReadOnlyList<string>? Options, bool AlreadyTaken)
{
    /// <summary>Whether another decision is the same vote (a resend must carry the same choice).</summary>
    public bool SameChoice(VoteChoice choice, IReadOnlyList<string>? options) =>
        Choice == choice && (Options ?? []).SequenceEqual(options ?? [], StringComparer.Ordinal);
}
