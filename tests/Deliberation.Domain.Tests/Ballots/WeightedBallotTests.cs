using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;
using static Deliberation.Domain.Tests.Ballots.BallotFixture;

namespace Deliberation.Domain.Tests.Ballots;

/// <summary>
/// An owners' assembly (业主大会) of six owners, floor areas 100, 100, 50, 50, 50, 50 m² (400 in all), all taking part:
/// 民法典 Art. 278 needs a majority of the area and of the owners at once.
/// </summary>
public sealed class WeightedBallotTests
{
    private static readonly decimal[] Areas = [100, 100, 50, 50, 50, 50];

    private static BallotClosed Vote(string ruleId, params int[] forOwners)
    {
        var rule = DecisionRuleCatalog.Find(ruleId);
        var voters = Areas.Select((area, i) => new BallotVoter($"o{i}", area, $"o{i}")).ToList();
        var ballot = Open(BallotTerms.Motion(), rule, voters, new Count(6, 400));
        for (var i = 0; i < Areas.Length; i++)
            ballot.Cast(Member($"o{i}"), null, forOwners.Contains(i) ? VoteChoice.For : VoteChoice.Against, $"v{i}");
        return (BallotClosed)ballot.Close(Chair, rule).Single();
    }

    [Fact]
    public void AnOrdinaryMatterPassesWithMoreThanHalfOfTheAreaAndOfTheOwners()
    {
        var closed = Vote("owners-ordinary", 0, 2, 3, 4);

        Assert.Equal(new Count(4, 250), closed.Tally.For);
        Assert.True(closed.Passes);
    }

    [Fact]
    public void AnOrdinaryMatterFailsWithTheAreaButOnlyHalfTheOwners() =>
        Assert.False(Vote("owners-ordinary", 0, 1, 2).Passes);

    [Fact]
    public void AnOrdinaryMatterFailsWithMostOwnersButOnlyHalfTheArea() =>
        Assert.False(Vote("owners-ordinary", 2, 3, 4, 5).Passes);

    [Fact]
    public void AMajorMatterNeedsThreeQuartersOfBoth()
    {
        Assert.False(Vote("owners-major", 0, 1, 2, 3).Passes);
        Assert.True(Vote("owners-major", 0, 2, 3, 4, 5).Passes);
    }

    [Fact]
    public void TheAssemblyHasNoQuorumBelowTwoThirdsOfTheArea()
    {
        var rule = DecisionRuleCatalog.Find("owners-ordinary");
        // Four of six owners (2/3 of heads) but 200 of 400 m².
        var voters = new[] { 2, 3, 4, 5 }.Select(i => new BallotVoter($"o{i}", Areas[i], $"o{i}")).ToList();
        var ballot = Open(BallotTerms.Motion(), rule, voters, new Count(6, 400));
        foreach (var v in voters) ballot.Cast(Member(v.UserId), null, VoteChoice.For, v.UserId);

        var closed = (BallotClosed)ballot.Close(Chair, rule).Single();

        Assert.False(closed.Quorum);
        Assert.False(closed.Passes);
    }
}
