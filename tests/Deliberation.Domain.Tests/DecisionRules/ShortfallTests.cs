using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Tests.DecisionRules;

/// <summary>Hand-computed "what would it take" answers.</summary>
public class ShortfallTests
{
    private static Decision Evaluate(string rule, Count e, Count p, Count f, Count a) =>
        DecisionRuleCatalog.Find(rule).Evaluate(Tally.Create(e, p, f, a, Count.Zero));

    [Fact]
    public void SimpleMajorityNeedsTwoMoreWhenForTrailsCastVotes()
    {
        // 2(2+k) > 5+k  =>  k > 1
        var d = Evaluate("simple-majority", new(10, 10), new(6, 6), new(2, 2), new(3, 3));

        Assert.Equal(new Shortfall(2, null), d.Shortfall);
    }

    [Fact]
    public void MissingQuorumCountsTowardsTheShortfall()
    {
        // quorum 2(4+k) > 10 needs k = 2; the motion already carries among those present
        var d = Evaluate("simple-majority", new(10, 10), new(4, 4), new(3, 3), new(1, 1));

        Assert.False(d.Quorum);
        Assert.Equal(2, d.Shortfall.MoreForVotes);
    }

    [Fact]
    public void ReportsNullWhenEveryAbsentMemberWouldNotBeEnough()
    {
        // more than half of all 10 members are needed, and everyone is already here
        var d = Evaluate("party-members-deliberation", new(10, 10), new(10, 10), new(5, 5), new(5, 5));

        Assert.Null(d.Shortfall.MoreForVotes);
    }

    [Fact]
    public void ReportsZeroWhenAlreadyPassing()
    {
        var d = Evaluate("owners-ordinary", new(10, 100m), new(8, 80m), new(6, 60m), new(2, 20m));

        Assert.True(d.Passes);
        Assert.Equal(new Shortfall(0, 0m), d.Shortfall);
    }

    [Fact]
    public void OwnersMajorNeedsTheWeightThatReachesThreeQuarters()
    {
        // 4(590.50+w) >= 3(800.00+w)  =>  w >= 38.00; members 4*6 >= 3*8 already hold
        var d = Evaluate("owners-major", new(10, 1000.00m), new(8, 800.00m), new(6, 590.50m), new(2, 209.50m));

        Assert.Equal(0, d.Shortfall.MoreForVotes);
        Assert.Equal(38.00m, d.Shortfall.MoreForWeight);
    }

    [Fact]
    public void MoreThanHalfNeedsOneUnitOfTheInputsPrecisionAboveTheBoundary()
    {
        // 2(40.0+w) > 80.0+w  =>  w > 0, the least step at one decimal is 0.1
        var d = Evaluate("owners-ordinary", new(10, 100.0m), new(8, 80.0m), new(5, 40.0m), new(3, 40.0m));

        Assert.Equal(0.1m, d.Shortfall.MoreForWeight);
    }

    [Fact]
    public void WeightBeyondWhatIsAbsentIsNull()
    {
        // 2(10+w) > 80+w  =>  w > 60, but only 20 is absent
        var d = Evaluate("owners-ordinary", new(10, 100m), new(8, 80m), new(5, 10m), new(3, 70m));

        Assert.Null(d.Shortfall.MoreForWeight);
    }

    [Fact]
    public void RulesWithoutWeightConditionsReportNoWeight()
    {
        var d = Evaluate("two-thirds", new(10, 10), new(9, 9), new(6, 6), new(3, 3));

        Assert.Equal(new Shortfall(0, null), d.Shortfall);
    }
}
