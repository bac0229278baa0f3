namespace Deliberation.Domain.DecisionRules;

/// <summary>
/// Finds the least extra support that would carry the motion. Each extra supporter joins those present
/// and votes for, which never makes a condition false again, so the answer can be found by bisection.
/// </summary>
internal static class ShortfallSearch
{
    public static Shortfall For(DecisionRule rule, Tally tally) =>
        new(MoreForVotes(rule, tally), rule.HasWeightConditions ? MoreForWeight(rule, tally) : null);

    private static int? MoreForVotes(DecisionRule rule, Tally tally)
    {
        bool HoldsWith(long extra) => rule.Holds(
            tally with
            {
                Present = tally.Present with { Members = checked(tally.Present.Members + (int)extra) },
                For = tally.For with { Members = checked(tally.For.Members + (int)extra) },
                QuorumPresent = tally.QuorumPresent is { } q ? q with { Members = checked(q.Members + (int)extra) } : null,
            },
            Measure.Members);

        var least = Least(Math.Max(0, tally.Electorate.Members - tally.Present.Members), HoldsWith);
        return least is null ? null : (int)least.Value;
    }

    private static decimal? MoreForWeight(DecisionRule rule, Tally tally)
    {
        var unit = Unit(tally);
        var room = Math.Max(0m, tally.Electorate.Weight - tally.Present.Weight);
        bool HoldsWith(long units) => rule.Holds(
            tally with
            {
                Present = tally.Present with { Weight = tally.Present.Weight + units * unit },
                For = tally.For with { Weight = tally.For.Weight + units * unit },
                QuorumPresent = tally.QuorumPresent is { } q ? q with { Weight = q.Weight + units * unit } : null,
            },
            Measure.Weight);

        var least = Least((long)decimal.Floor(room / unit), HoldsWith);
        return least is null ? null : least.Value * unit;
    }

    // The smallest step the inputs can express: 0.01 if any weight has two decimals.
    private static decimal Unit(Tally tally)
    {
        var scale = new[] { tally.Electorate, tally.Present, tally.For, tally.Against, tally.Abstain }
            .Max(c => (int)c.Weight.Scale);
        var unit = 1m;
        for (var i = 0; i < scale; i++) unit /= 10m;
        return unit;
    }

    private static long? Least(long max, Func<long, bool> holds)
    {
        if (holds(0)) return 0;
        if (!holds(max)) return null;
        long failing = 0, passing = max;
        while (passing - failing > 1)
        {
            var mid = failing + (passing - failing) / 2;
            if (holds(mid)) passing = mid; else failing = mid;
        }
        return passing;
    }
}
