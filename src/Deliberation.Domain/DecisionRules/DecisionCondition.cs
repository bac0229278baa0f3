namespace Deliberation.Domain.DecisionRules;

public enum Measure { Members, Weight }

public enum Counted { Present, For }

public enum Base { Electorate, Present, VotesCast }

public enum Comparison { MoreThan, AtLeast }

/// <summary>
/// One threshold of a rule, e.g. "the weight voting for is at least 3/4 of the weight present".
/// Compared by cross-multiplying, so "exactly two thirds" is never lost to rounding.
/// </summary>
public sealed record DecisionCondition(Measure Measure, Counted Count, Base Of, Comparison Comparison, Fraction Threshold)
{
    /// <param name="baseMustBePositive">
    /// Passing conditions fail on an empty base: nobody voting must not adopt anything.
    /// </param>
    public bool HoldsFor(Tally tally, bool baseMustBePositive) =>
        Measure == Measure.Members
            ? Holds(Pick(tally, Count).Members, Pick(tally, Of).Members, baseMustBePositive)
            : Holds(Pick(tally, Count).Weight, Pick(tally, Of).Weight, baseMustBePositive);

    private bool Holds(long counted, long of, bool baseMustBePositive)
    {
        if (baseMustBePositive && of <= 0) return false;
        var left = counted * Threshold.Denominator;
        var right = of * Threshold.Numerator;
        return Comparison == Comparison.MoreThan ? left > right : left >= right;
    }

    private bool Holds(decimal counted, decimal of, bool baseMustBePositive)
    {
        if (baseMustBePositive && of <= 0) return false;
        var left = counted * Threshold.Denominator;
        var right = of * Threshold.Numerator;
        return Comparison == Comparison.MoreThan ? left > right : left >= right;
    }

    private static Count Pick(Tally tally, Counted counted) =>
        counted == Counted.Present ? tally.Present : tally.For;

    private static Count Pick(Tally tally, Base of) => of switch
    {
        Base.Electorate => tally.Electorate,
        Base.Present => tally.Present,
        _ => tally.VotesCast,
    };

    public override string ToString() =>
        $"{Measure} {Count} {(Comparison == Comparison.MoreThan ? "more than" : "at least")} {Threshold} of {Of}";
}
