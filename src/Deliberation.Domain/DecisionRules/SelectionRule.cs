namespace Deliberation.Domain.DecisionRules;

/// <summary>What a choice is counted against: the ballots that marked anything, or everyone present.</summary>
public enum SelectionBase { BallotsCast, Present }

/// <summary>
/// How a multi-option ballot (choose one of N, or up to k, e.g. electing committee members) finds its winners:
/// the options with the most support, at most one per seat, each above the threshold when the rule has one.
/// Options tied for the last seat are all left out: a tie is settled by a new ballot, never by the order of the list.
/// Rules are data (decision-rules.json, "selections"); this type only evaluates them.
/// </summary>
public sealed record SelectionRule(string Id, LocalizedText Name, Measure Measure, SelectionBase Of, Comparison? Comparison, Fraction? Threshold)
{
    public IReadOnlyList<string> Winners(IReadOnlyList<OptionCount> options, int seats, Count ballotsCast, Count present)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seats, 1);
        var of = Of == SelectionBase.Present ? present : ballotsCast;
        var eligible = options.Where(o => Amount(o.Count) > 0 && Reaches(Amount(o.Count), Amount(of)))
            .OrderByDescending(o => Amount(o.Count)).ToList();
        if (eligible.Count <= seats) return eligible.Select(o => o.Option).ToList();
        var cut = Amount(eligible[seats - 1].Count);
        var tiedBeyond = Amount(eligible[seats].Count) == cut;
        return eligible.Where(o => tiedBeyond ? Amount(o.Count) > cut : Amount(o.Count) >= cut).Select(o => o.Option).ToList();
    }

    private decimal Amount(Count count) => Measure == Measure.Members ? count.Members : count.Weight;

    private bool Reaches(decimal counted, decimal of)
    {
        if (Threshold is null) return true;
        if (of <= 0) return false;
        var left = counted * Threshold.Denominator;
        var right = of * Threshold.Numerator;
        return Comparison == DecisionRules.Comparison.MoreThan ? left > right : left >= right;
    }

    public override string ToString() => Threshold is null
        ? $"most {Measure} win"
        : $"most {Measure} win, each {(Comparison == DecisionRules.Comparison.MoreThan ? "more than" : "at least")} {Threshold} of {Of}";
}

/// <summary>The support for one option of a multi-option ballot.</summary>
public sealed record OptionCount(string Option, Count Count);
