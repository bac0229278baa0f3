using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Ballots;

public sealed partial class Ballot
{
    /// <summary>Closes and counts the votes cast under the rule recorded at opening.</summary>
    public IReadOnlyList<BallotEvent> Close(Actor by, DecisionRule rule)
    {
        RequireClosable(by, rule);
        if (Kind == BallotKind.Paper) throw new BallotRuleViolation(BallotRefusals.PaperClose);
        if (IsSecret) throw new BallotRuleViolation(BallotRefusals.SecretClose);
        var marked = Sum(_votes.Values.Where(v => v.Options is { Count: > 0 }));
        var options = IsMotion ? [] : Options.Select(o => new OptionCount(o, Sum(_votes.Values.Where(v => v.Options?.Contains(o) == true)))).ToList();
        return IsMotion
            ? Raise(Closing(rule, Counted(VoteChoice.For), Counted(VoteChoice.Against), Counted(VoteChoice.Abstain), []))
            : Raise(Closing(rule, marked, Count.Zero, Sum(_votes.Values.Where(v => v.Options is not { Count: > 0 })), options));
    }

    /// <summary>
    /// Closes a paper ballot with the count the tellers made in the hall, recorded as a hand count with who counted.
    /// On a multi-option ballot <c>For</c> is the ballots that marked anything, <c>Abstain</c> the blank ones, and each option has its count.
    /// </summary>
    public IReadOnlyList<BallotEvent> CloseByHand(Actor by, DecisionRule rule, BallotHandCounted count)
    {
        RequireClosable(by, rule);
        if (Kind != BallotKind.Paper) throw new BallotRuleViolation(BallotRefusals.NotPaper);
        var tellers = count.CountedBy.Select(t => TextRules.Required(t, TextKind.Name, "teller")).ToList();
        if (tellers.Count == 0) throw BallotRefusals.NameTellers.Invalid(nameof(count));
        var options = IsMotion ? [] : Options.Select(o => new OptionCount(o, count.Options.FirstOrDefault(c => c.Option == o)?.Count
            ?? throw BallotRefusals.CountMissing.With(o).Invalid(nameof(count)))).ToList();
        if (IsMotion && count.Options.Count > 0) throw BallotRefusals.MotionCount.Invalid(nameof(count));
        if (!IsMotion && count.Against != Count.Zero) throw BallotRefusals.OptionsNoAgainst.Invalid(nameof(count));
        foreach (var o in options)
            if (o.Count.Members < 0 || o.Count.Weight < 0 || o.Count.Members > count.For.Members || o.Count.Weight > count.For.Weight)
                throw BallotRefusals.TooManyMarks.With(o.Option).Invalid(nameof(count));
        var handCount = count with { Options = options, CountedBy = tellers };
        var closed = Closing(rule, count.For, count.Against, count.Abstain, options);
        return Raise(handCount, closed);
    }

    private void RequireClosable(Actor by, DecisionRule rule)
    {
        if (!by.Holds(CouncilRole.Chair) && !by.Holds(CouncilRole.Clerk)) throw NotPermitted.Requires(BallotRefusals.ToClose, CouncilRole.Chair, CouncilRole.Clerk);
        if (Status != BallotStatus.Open) throw new BallotRuleViolation(BallotRefusals.ClosedAlready);
        if (rule.Id != DecisionRuleId) throw BallotRefusals.CountedUnder.With(DecisionRuleId).Invalid(nameof(rule));
    }

    private BallotClosed Closing(DecisionRule rule, Count @for, Count against, Count abstain, IReadOnlyList<OptionCount> options)
    {
        var present = Sum(_voters.Values.Select(v => v.Weight));
        var tally = Tally.Create(Electorate, present, @for, against, abstain) with
        {
            QuorumPresent = Practice.ProxiesCountTowardQuorum ? null : Sum(_voters.Values.Where(v => v.CastBy == v.UserId).Select(v => v.Weight)),
        };
        var decision = rule.Evaluate(tally);
        if (IsMotion) return new BallotClosed(tally, decision.Quorum, decision.Passes);
        var elected = decision.Quorum
            ? DecisionRuleCatalog.FindSelection(SelectionRuleId!).Winners(options, MaxChoices, @for, present)
            : [];
        return new BallotClosed(tally, decision.Quorum, elected.Count > 0, options, elected);
    }

    private Count Counted(VoteChoice choice) => Sum(_votes.Values.Where(v => v.Choice == choice));

    private Count Sum(IEnumerable<VoteCast> votes) => Sum(votes.Select(v => _voters[v.VoterId].Weight));

    private static Count Sum(IEnumerable<decimal> weights)
    {
        var list = weights.ToList();
        return new Count(list.Count, list.Sum());
    }
}
