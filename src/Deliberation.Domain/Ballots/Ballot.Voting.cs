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
            throw new ArgumentException("A vote needs a client vote id of 1 to 64 characters.", nameof(clientVoteId));
        var (vote, marks) = Marked(choice, options);
        var voter = VoterFor(by, voterId);
        if (!by.Holds(CouncilRole.Member, BodyId) || !_voters.TryGetValue(voter, out var eligible) || !eligible.MayBeCastBy(by.UserId))
            throw new NotPermitted("Only a member of this body present at the meeting may vote in this ballot, once for themselves and once for a member who named them as proxy.");
        if (Kind == BallotKind.Paper) throw new BallotRuleViolation("This ballot is on paper and counted by hand in the hall.");
        if (IsSecret) throw new BallotRuleViolation("This ballot is secret: its votes are taken apart from their choices.");
        if (_votes.TryGetValue(voter, out var earlier))
        {
            if (earlier.ClientVoteId == clientVoteId)
            {
                if (earlier.Choice == vote && Same(earlier.Options, marks)) return [];
                throw new BallotRuleViolation("This client vote id was used for another vote: send a new vote with a new id.");
            }
            if (_clientVoteIds[voter].Contains(clientVoteId)) return [];
            if (!Practice.VotesMayChange) throw new BallotRuleViolation("This vote has been cast already; it cannot be cast again.");
            if (Status != BallotStatus.Open) throw new BallotRuleViolation("The ballot is closed.");
            return Raise(new VoteChanged(voter, vote, by.UserId, clientVoteId, IsMotion ? null : marks));
        }
        if (Status != BallotStatus.Open) throw new BallotRuleViolation("The ballot is closed.");
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
            if (options is { Count: > 0 }) throw new ArgumentException("This ballot is on a motion: choose for, against or abstain.", nameof(options));
            if (choice is not { } c || !Enum.IsDefined(c)) throw new ArgumentException("Choose for, against or abstain.", nameof(choice));
            return (c, []);
        }
        var marked = (options ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (marked.Any(o => !Options.Contains(o, StringComparer.Ordinal)))
            throw new ArgumentException("Mark only options of this ballot.", nameof(options));
        if (marked.Distinct(StringComparer.Ordinal).Count() != marked.Count) throw new ArgumentException("An option is marked twice.", nameof(options));
        if (marked.Count > MaxChoices) throw new ArgumentException($"Mark at most {MaxChoices} of the options.", nameof(options));
        // The ballot's order, so that the same marks are the same vote however they were sent.
        return (marked.Count > 0 ? VoteChoice.For : VoteChoice.Abstain, Options.Where(marked.Contains).ToList());
    }

    private static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string> b) => (a ?? []).SequenceEqual(b, StringComparer.Ordinal);
}
