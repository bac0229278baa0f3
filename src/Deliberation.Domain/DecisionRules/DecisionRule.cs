namespace Deliberation.Domain.DecisionRules;

/// <summary>
/// A body's rule for adopting a resolution: participation (quorum) conditions and passing conditions,
/// all of which must hold. Rules are data (see decision-rules.json); this type only evaluates them.
/// </summary>
public sealed record DecisionRule(
    string Id,
    LocalizedText Name,
    IReadOnlyList<DecisionCondition> Quorum,
    IReadOnlyList<DecisionCondition> Passing,
    CountingUnit CountsBy = CountingUnit.Members)
{
    public Decision Evaluate(Tally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var quorum = QuorumHolds(tally);
        var passes = quorum && PassingHolds(tally);
        return new Decision(quorum, passes, ShortfallSearch.For(this, tally));
    }

    public bool HasWeightConditions => Quorum.Concat(Passing).Any(c => c.Measure == Measure.Weight);

    internal bool QuorumHolds(Tally tally) => Quorum.All(c => c.HoldsFor(tally.ForQuorum, baseMustBePositive: false));

    internal bool PassingHolds(Tally tally) => Passing.All(c => c.HoldsFor(tally, baseMustBePositive: true));

    internal bool Holds(Tally tally, Measure measure) =>
        Quorum.Where(c => c.Measure == measure).All(c => c.HoldsFor(tally.ForQuorum, baseMustBePositive: false))
        && Passing.Where(c => c.Measure == measure).All(c => c.HoldsFor(tally, baseMustBePositive: true));
}

/// <summary>
/// What one vote is under a rule: a member's (each on the body's roll, with their weight), or a household's (a villager
/// meeting of household representatives, 村民委员会组织法 Art. 22: each household on the roll one vote, whichever of its
/// members casts it; a member who joined without a household code counts as a household of their own).
/// </summary>
public enum CountingUnit { Members, Households }
