using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;
using static Deliberation.Domain.Tests.Ballots.BallotFixture;

namespace Deliberation.Domain.Tests.Ballots;

/// <summary>A villager meeting of household representatives: one vote per household, whichever of its members casts it.</summary>
public sealed class HouseholdBallotTests
{
    private static readonly DecisionRule Households = DecisionRuleCatalog.Find("villager-meeting-households");

    // Households: {a, b} kept under a, c alone, d alone; three households present of an electorate of four.
    private static readonly IReadOnlyList<BallotVoter> Voters =
        [new("a", 1, "a", ["b"]), new("c", 1, "c"), new("d", 1, "d")];

    [Fact]
    public void TheRuleCountsHouseholds() => Assert.Equal(CountingUnit.Households, Households.CountsBy);

    [Fact]
    public void AnyMemberOfAHouseholdCastsItsVoteWithoutNamingIt()
    {
        var ballot = Open(BallotTerms.Motion(), Households, Voters, new Count(4, 4));

        var events = ballot.Cast(Member("b"), null, VoteChoice.For, "b-1");

        var cast = Assert.IsType<VoteCast>(Assert.Single(events));
        Assert.Equal(("a", "b"), (cast.VoterId, cast.CastBy));
    }

    [Fact]
    public void RejectsASecondVoteFromTheSameHousehold()
    {
        var ballot = Open(BallotTerms.Motion(), Households, Voters, new Count(4, 4));
        ballot.Cast(Member("b"), null, VoteChoice.For, "b-1");

        var refused = Assert.Throws<BallotRuleViolation>(() => ballot.Cast(Member("a"), null, VoteChoice.Against, "a-1"));

        Assert.Contains("cast already", refused.Message, StringComparison.Ordinal);
        Assert.Single(ballot.Votes);
    }

    [Fact]
    public void CountsEachHouseholdOnceAgainstTheHouseholdsOnTheRoll()
    {
        var ballot = Open(BallotTerms.Motion(), Households, Voters, new Count(4, 4));
        ballot.Cast(Member("b"), null, VoteChoice.For, "b-1");
        ballot.Cast(Member("c"), null, VoteChoice.For, "c-1");
        ballot.Cast(Member("d"), null, VoteChoice.Against, "d-1");

        var closed = Assert.IsType<BallotClosed>(Assert.Single(ballot.Close(Chair, Households)));

        // 3 of 4 households present (>= 2/3), 2 of 3 for (> 1/2 of those present).
        Assert.Equal((3, 2, 1), (closed.Tally.Present.Members, closed.Tally.For.Members, closed.Tally.Against.Members));
        Assert.True(closed.Quorum);
        Assert.True(closed.Passes);
    }

    [Fact]
    public void AMemberOfNoHouseholdOnTheBallotMayNotVote()
    {
        var ballot = Open(BallotTerms.Motion(), Households, Voters, new Count(4, 4));

        Assert.Throws<NotPermitted>(() => ballot.Cast(Member("e"), null, VoteChoice.For, "e-1"));
    }
}
