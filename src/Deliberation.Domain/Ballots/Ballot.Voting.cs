using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Ballots;

public sealed partial class Ballot
{
    public IReadOnlyList<BallotEvent> Cast(Actor by, string? voterId, VoteChoice choice, string clientVoteId) =>
        Cast(by, voterId, choice, null, clientVoteId);

    /// <summary>
    /// Casts the vote of <paramref name="voterId"/> (the caller's own, or that of the absent member they stand for):
    /// a choice on a motion, the options marked on a multi-option ballot (none is a blank vote).
    /// A resend with a client vote id already used returns no new event (the vote that counts stays as it is); another
    /// vote changes the first where the body allows it and is refused otherwise.
    /// </summary>
    public IReadOnlyList<BallotEvent> Cast(Actor by, string? voterId, VoteChoice? choice, IReadOnlyList<string>? options, string clientVoteId)
    {
        clientVoteId = clientVoteId?.Trim() ?? "";
        if (clientVoteId.Length is 0 or > 64)
            throw BallotRefusals.ClientVoteId.Invalid(nameof(clientVoteId));
        var (vote, marks) = Marked(choice, options);
        var voter = VoterFor(by, voterId);
        if (!by.Holds(CouncilRole.Member, BodyId) || !_voters.TryGetValue(voter, out var eligible) || !eligible.MayBeCastBy(by.UserId))
            throw new NotPermitted(BallotRefusals.NotAVoter);
        if (Kind == BallotKind.Paper) throw new BallotRuleViolation(BallotRefusals.OnPaper);
        if (IsSecret) throw new BallotRuleViolation(BallotRefusals.IsSecret);
        if (_votes.TryGetValue(voter, out var earlier))
        {
            if (earlier.ClientVoteId == clientVoteId)
            {
                if (earlier.Choice == vote && Same(earlier.Options, marks)) return [];
                throw new BallotRuleViolation(BallotRefusals.ClientVoteIdReused);
            }
            if (_replacedClientVoteIds.TryGetValue(voter, out var replaced) && replaced.Contains(clientVoteId)) return [];
            if (!Practice.VotesMayChange) throw new BallotRuleViolation(BallotRefusals.CastAlready);
            if (Status != BallotStatus.Open) throw new BallotRuleViolation(BallotRefusals.Closed);
            return Raise(new VoteChanged(voter, vote, by.UserId, clientVoteId, IsMotion ? null : marks));
        }
        if (Status != BallotStatus.Open) throw new BallotRuleViolation(BallotRefusals.Closed);
        return Raise(new VoteCast(voter, vote, by.UserId, clientVoteId, IsMotion ? null : marks));
    }

    /// <summary>
    /// Whose vote the caller casts: the one named, else their own, else (where households vote) their household's, which
    /// is kept under another member of it.
    /// </summary>
    public string VoterFor(Actor by, string? voterId) =>
        voterId ?? (_voters.ContainsKey(by.UserId) ? by.UserId
            : _voters.Values.FirstOrDefault(v => v.AlsoCastBy?.Contains(by.UserId) == true)?.UserId ?? by.UserId);

    /// <summary>The vote that counts for this voter now, if any.</summary>
    public VoteCast? VoteOf(string voterId) => _votes.GetValueOrDefault(voterId);

    private (VoteChoice Choice, IReadOnlyList<string> Options) Marked(VoteChoice? choice, IReadOnlyList<string>? options)
    {
        if (IsMotion)
        {
            if (options is { Count: > 0 }) throw BallotRefusals.MotionChoice.Invalid(nameof(options));
            if (choice is not { } c || !Enum.IsDefined(c)) throw BallotRefusals.Choose.Invalid(nameof(choice));
            return (c, []);
        }
        var marked = (options ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (marked.Any(o => !Options.Contains(o, StringComparer.Ordinal)))
            throw BallotRefusals.OnlyItsOptions.Invalid(nameof(options));
        if (marked.Distinct(StringComparer.Ordinal).Count() != marked.Count) throw BallotRefusals.MarkedTwice.Invalid(nameof(options));
        if (marked.Count > MaxChoices) throw BallotRefusals.MarkAtMost.With(MaxChoices).Invalid(nameof(options));
        // The ballot's order, so that the same marks are the same vote however they were sent.
        return (marked.Count > 0 ? VoteChoice.For : VoteChoice.Abstain, Options.Where(marked.Contains).ToList());
    }

    private static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string> b) => (a ?? []).SequenceEqual(b, StringComparer.Ordinal);
}
