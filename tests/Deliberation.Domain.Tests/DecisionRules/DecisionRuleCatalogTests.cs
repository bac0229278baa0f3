using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Tests.DecisionRules;

public class DecisionRuleCatalogTests
{
    [Fact]
    public void ListsTheTenBuiltInRules()
    {
        Assert.Equal(
            ["simple-majority", "two-thirds", "majority-of-present", "majority-of-membership", "villager-representatives",
             "villager-meeting", "villager-meeting-households", "party-members-deliberation", "owners-ordinary", "owners-major"],
            DecisionRuleCatalog.All.Select(r => r.Id));
    }

    [Fact]
    public void EveryRuleHasChineseAndEnglishNames() =>
        Assert.All(DecisionRuleCatalog.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Name.Zh) || string.IsNullOrWhiteSpace(r.Name.En)));

    [Fact]
    public void FindingAnUnknownRuleNamesTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => DecisionRuleCatalog.Find("unanimity"));

        Assert.Contains("unanimity", error.Message);
        Assert.Contains("owners-major", error.Message);
    }

    [Fact]
    public void TryFindReportsMissingRules()
    {
        Assert.False(DecisionRuleCatalog.TryFind("nope", out _));
        Assert.True(DecisionRuleCatalog.TryFind("two-thirds", out var rule));
        Assert.Equal("two-thirds", rule.Id);
    }

    [Theory]
    [InlineData(30, 20, 11, true, true)]   // exactly 2/3 of households present
    [InlineData(30, 19, 19, false, false)] // one short of 2/3
    [InlineData(30, 20, 10, true, false)]  // half of those present is not more than half
    public void HouseholdVillagerMeetingNeedsTwoThirdsOfHouseholds(int households, int present, int @for, bool quorum, bool passes)
    {
        var tally = Tally.Create(new(households, households), new(present, present), new(@for, @for),
            new(present - @for, present - @for), Count.Zero);

        var decision = DecisionRuleCatalog.Find("villager-meeting-households").Evaluate(tally);

        Assert.Equal((quorum, passes), (decision.Quorum, decision.Passes));
    }

    [Fact]
    public void ExactlyTwoThirdsOfVotesCastPasses()
    {
        var tally = Tally.Create(new(10, 10), new(9, 9), new(6, 6), new(3, 3), Count.Zero);

        Assert.True(DecisionRuleCatalog.Find("two-thirds").Evaluate(tally).Passes);
    }
}
