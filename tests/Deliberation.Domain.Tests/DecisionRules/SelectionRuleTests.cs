using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Tests.DecisionRules;

public sealed class SelectionRuleTests
{
    private static OptionCount Option(string name, int members, decimal? weight = null) => new(name, new Count(members, weight ?? members));

    [Fact]
    public void TheCatalogueHoldsTheSelectionRulesAsData()
    {
        Assert.Equal(["plurality", "majority-of-ballots", "majority-of-present"], DecisionRuleCatalog.Selections.Select(r => r.Id));
        Assert.Null(DecisionRuleCatalog.FindSelection("plurality").Threshold);
        Assert.Equal(new Fraction(1, 2), DecisionRuleCatalog.FindSelection("majority-of-present").Threshold);
    }

    [Fact]
    public void ExactlyHalfIsNotMoreThanHalf()
    {
        var rule = DecisionRuleCatalog.FindSelection("majority-of-ballots");

        Assert.Empty(rule.Winners([Option("a", 2), Option("b", 2)], 1, new Count(4, 4), new Count(4, 4)));
        Assert.Equal(["a"], rule.Winners([Option("a", 3), Option("b", 1)], 1, new Count(4, 4), new Count(4, 4)));
    }

    [Fact]
    public void AMajorityOfThosePresentCountsAgainstEveryonePresent()
    {
        var rule = DecisionRuleCatalog.FindSelection("majority-of-present");

        Assert.Empty(rule.Winners([Option("a", 3), Option("b", 1)], 1, new Count(4, 4), new Count(6, 6)));
    }

    [Fact]
    public void ATieBelowTheLastSeatDoesNotMatter()
    {
        var rule = DecisionRuleCatalog.FindSelection("plurality");

        Assert.Equal(["a", "b"], rule.Winners([Option("a", 5), Option("b", 4), Option("c", 2), Option("d", 2)], 2, new Count(7, 7), new Count(7, 7)));
    }

    [Fact]
    public void ATieAtTheTopForTwoSeatsElectsBoth()
    {
        var rule = DecisionRuleCatalog.FindSelection("plurality");

        Assert.Equal(["a", "b"], rule.Winners([Option("a", 3), Option("b", 3), Option("c", 1)], 2, new Count(4, 4), new Count(4, 4)));
    }

    [Fact]
    public void AnOptionNobodyChoseIsNeverElected()
    {
        var rule = DecisionRuleCatalog.FindSelection("plurality");

        Assert.Equal(["a"], rule.Winners([Option("a", 1), Option("b", 0), Option("c", 0)], 2, new Count(1, 1), new Count(3, 3)));
    }
}
