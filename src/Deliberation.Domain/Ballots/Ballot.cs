using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Ballots;

/// <summary>A ballot on one item in one meeting: open → votes, one per eligible voter → closed and counted under the body's rule.</summary>
public sealed class Ballot
{
    private readonly Dictionary<string, BallotVoter> _voters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VoteCast> _votes = new(StringComparer.Ordinal);

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
    public BallotClosed? Result { get; private set; }
    public IReadOnlyCollection<BallotVoter> Voters => _voters.Values;
    public IReadOnlyCollection<VoteCast> Votes => _votes.Values;

    public static (Ballot Ballot, IReadOnlyList<BallotEvent> Events) Open(Actor by, string ballotId, string councilId, string meetingId,
        string itemId, string bodyId, DecisionRule rule, Count electorate, IReadOnlyList<BallotVoter> voters)
    {
        if (!by.Holds(CouncilRole.Chair) && !by.Holds(CouncilRole.Clerk)) throw NotPermitted.Requires("open a ballot", "Chair", "Clerk");
        if (voters.Count == 0) throw new BallotRuleViolation("Nobody on the roll is present: take the roll call before opening a ballot.");
        if (voters.Select(v => v.UserId).Distinct().Count() != voters.Count) throw new ArgumentException("A voter is listed twice.", nameof(voters));
        var ballot = new Ballot();
        return (ballot, ballot.Raise(new BallotOpened(ballotId, councilId, meetingId, itemId, bodyId, rule.Id, BallotKind.Named, electorate, voters)));
    }

    public static Ballot Replay(IEnumerable<BallotEvent> events)
    {
        var ballot = new Ballot();
        foreach (var e in events) ballot.Apply(e);
        return ballot;
    }

    /// <summary>
    /// Casts the vote of <paramref name="voterId"/> (the caller's own, or that of the absent member they stand for).
    /// A resend with the same client vote id returns no new event; any other second vote is refused.
    /// </summary>
    public IReadOnlyList<BallotEvent> Cast(Actor by, string? voterId, VoteChoice choice, string clientVoteId)
    {
        clientVoteId = clientVoteId?.Trim() ?? "";
        if (clientVoteId.Length is 0 or > 64)
            throw new ArgumentException("A vote needs a client vote id of 1 to 64 characters.", nameof(clientVoteId));
        if (!Enum.IsDefined(choice)) throw new ArgumentException("Choose for, against or abstain.", nameof(choice));
        var voter = voterId ?? by.UserId;
        if (!by.Holds(CouncilRole.Member, BodyId) || !_voters.TryGetValue(voter, out var eligible) || eligible.CastBy != by.UserId)
            throw new NotPermitted("Only a member of this body present at the meeting may vote in this ballot, once for themselves and once for a member who named them as proxy.");
        if (_votes.TryGetValue(voter, out var earlier))
        {
            if (earlier.ClientVoteId == clientVoteId && earlier.Choice == choice) return [];
            throw new BallotRuleViolation("This vote has been cast already; it cannot be cast again.");
        }
        if (Status != BallotStatus.Open) throw new BallotRuleViolation("The ballot is closed.");
        return Raise(new VoteCast(voter, choice, by.UserId, clientVoteId));
    }

    public IReadOnlyList<BallotEvent> Close(Actor by, DecisionRule rule)
    {
        if (!by.Holds(CouncilRole.Chair) && !by.Holds(CouncilRole.Clerk)) throw NotPermitted.Requires("close a ballot", "Chair", "Clerk");
        if (Status != BallotStatus.Open) throw new BallotRuleViolation("The ballot is closed already.");
        if (rule.Id != DecisionRuleId) throw new ArgumentException($"This ballot is counted under '{DecisionRuleId}'.", nameof(rule));
        var tally = Tally.Create(Electorate, Sum(_voters.Values.Select(v => v.Weight)),
            Counted(VoteChoice.For), Counted(VoteChoice.Against), Counted(VoteChoice.Abstain));
        var decision = rule.Evaluate(tally);
        return Raise(new BallotClosed(tally, decision.Quorum, decision.Passes));
    }

    private Count Counted(VoteChoice choice) => Sum(_votes.Values.Where(v => v.Choice == choice).Select(v => _voters[v.VoterId].Weight));

    private static Count Sum(IEnumerable<decimal> weights)
    {
        var list = weights.ToList();
        return new Count(list.Count, list.Sum());
    }

    private IReadOnlyList<BallotEvent> Raise(BallotEvent e)
    {
        Apply(e);
        return [e];
    }

    public void Apply(BallotEvent e)
    {
        switch (e)
        {
            case BallotOpened o:
                (Id, CouncilId, MeetingId, ItemId, BodyId, DecisionRuleId, Kind, Electorate) =
                    (o.BallotId, o.CouncilId, o.MeetingId, o.ItemId, o.BodyId, o.DecisionRuleId, o.Kind, o.Electorate);
                foreach (var v in o.Voters) _voters[v.UserId] = v;
                break;
            case VoteCast v: _votes[v.VoterId] = v; break;
            case BallotClosed c: (Status, Result) = (BallotStatus.Closed, c); break;
        }
    }
}

/// <summary>The ballot is not in a state that allows this (closed, or the vote is cast already).</summary>
public sealed class BallotRuleViolation(string message) : InvalidOperationException(message);
