using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Ballots;

/// <summary>
/// A ballot on one item in one meeting: open → votes, one per eligible voter (changed while open where the body allows
/// it) → closed and counted under the rule recorded at opening. Paper ballots are counted by hand instead.
/// </summary>
public sealed partial class Ballot
{
    private readonly Dictionary<string, BallotVoter> _voters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VoteCast> _votes = new(StringComparer.Ordinal);
    // The client vote ids of a voter's changed votes (the one that counts is on its vote), so that a late resend of an
    // earlier vote never undoes a later change. Kept only for voters who changed: a ballot of thousands holds no set each.
    private readonly Dictionary<string, List<string>> _replacedClientVoteIds = new(StringComparer.Ordinal);

    private Ballot() { }

    public string Id { get; private set; } = "";
    public string CouncilId { get; private set; } = "";
    public string MeetingId { get; private set; } = "";
    public string ItemId { get; private set; } = "";
    public string BodyId { get; private set; } = "";
    public string DecisionRuleId { get; private set; } = "";
    public BallotKind Kind { get; private set; }
    public BallotStatus Status { get; private set; }
    public Count Electorate { get; private set; } = new(0, 0);
    public IReadOnlyList<string> Options { get; private set; } = [];
    public int MaxChoices { get; private set; } = 1;
    public string? SelectionRuleId { get; private set; }
    public BallotPractice Practice { get; private set; } = BallotPractice.Default;
    public BallotHandCounted? HandCount { get; private set; }
    public BallotClosed? Result { get; private set; }
    public IReadOnlyCollection<BallotVoter> Voters => _voters.Values;
    public IReadOnlyCollection<VoteCast> Votes => _votes.Values;
    public bool IsMotion => Options.Count == 0;

    public static (Ballot Ballot, IReadOnlyList<BallotEvent> Events) Open(Actor by, string ballotId, string councilId, string meetingId,
        string itemId, string bodyId, DecisionRule rule, Count electorate, IReadOnlyList<BallotVoter> voters) =>
        Open(by, ballotId, councilId, meetingId, itemId, bodyId, rule, electorate, voters, BallotTerms.Motion());

    public static (Ballot Ballot, IReadOnlyList<BallotEvent> Events) Open(Actor by, string ballotId, string councilId, string meetingId,
        string itemId, string bodyId, DecisionRule rule, Count electorate, IReadOnlyList<BallotVoter> voters, BallotTerms terms)
    {
        if (!by.Holds(CouncilRole.Chair) && !by.Holds(CouncilRole.Clerk)) throw NotPermitted.Requires(BallotRefusals.ToOpen, CouncilRole.Chair, CouncilRole.Clerk);
        if (voters.Count == 0) throw new BallotRuleViolation(BallotRefusals.NobodyPresent);
        if (voters.Select(v => v.UserId).Distinct().Count() != voters.Count) throw BallotRefusals.VoterTwice.Invalid(nameof(voters));
        terms = terms.Checked();
        if (terms.Kind == BallotKind.Secret)
        {
            RequireEqualWeights(voters);
            // Changing a secret vote would need its choice found again by voter: the link the ballot must not keep.
            terms = terms with { Practice = terms.Practice with { VotesMayChange = false } };
        }
        var ballot = new Ballot();
        return (ballot, ballot.Raise(new BallotOpened(ballotId, councilId, meetingId, itemId, bodyId, rule.Id, terms.Kind, electorate, voters,
            terms.IsMotion ? null : terms.Options, terms.IsMotion ? null : terms.MaxChoices, terms.SelectionRuleId, terms.Practice)));
    }

    public static Ballot Replay(IEnumerable<BallotEvent> events)
    {
        var ballot = new Ballot();
        foreach (var e in events) ballot.Apply(e);
        return ballot;
    }

    private IReadOnlyList<BallotEvent> Raise(params BallotEvent[] events)
    {
        foreach (var e in events) Apply(e);
        return events;
    }

    public void Apply(BallotEvent e)
    {
        switch (e)
        {
            case BallotOpened o:
                (Id, CouncilId, MeetingId, ItemId, BodyId, DecisionRuleId, Kind, Electorate) =
                    (o.BallotId, o.CouncilId, o.MeetingId, o.ItemId, o.BodyId, o.DecisionRuleId, o.Kind, o.Electorate);
                (Options, MaxChoices, SelectionRuleId, Practice) = (o.Options ?? [], o.MaxChoices ?? 1, o.SelectionRuleId, o.Practice ?? BallotPractice.Default);
                foreach (var v in o.Voters) _voters[v.UserId] = v;
                break;
            case VoteCast v: Record(v); break;
            case VoteChanged c: Record(new VoteCast(c.VoterId, c.Choice, c.CastBy, c.ClientVoteId, c.Options)); break;
            case SecretVoteTaken t: _taken[t.VoterId] = t; break;
            case SecretBallotPublished p: Published = p; break;
            case BallotHandCounted h: HandCount = h; break;
            case BallotClosed c: (Status, Result) = (BallotStatus.Closed, c); break;
        }
    }

    private void Record(VoteCast vote)
    {
        if (_votes.TryGetValue(vote.VoterId, out var replaced) && replaced.ClientVoteId != vote.ClientVoteId)
        {
            if (!_replacedClientVoteIds.TryGetValue(vote.VoterId, out var ids)) _replacedClientVoteIds[vote.VoterId] = ids = [];
            ids.Add(replaced.ClientVoteId);
        }
        _votes[vote.VoterId] = vote;
    }
}

/// <summary>The ballot is not in a state that allows this (closed, or the vote is cast already).</summary>
public sealed class BallotRuleViolation : InvalidOperationException
{
    public BallotRuleViolation(Said said) : base(said.Text) => said.Stamp(this);
}
