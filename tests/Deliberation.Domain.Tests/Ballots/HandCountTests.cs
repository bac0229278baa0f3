using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;
using static Deliberation.Domain.Tests.Ballots.BallotFixture;

namespace Deliberation.Domain.Tests.Ballots;

public sealed class HandCountTests
{
    private static readonly BallotTerms Paper = BallotTerms.Motion(kind: BallotKind.Paper);

    private static BallotHandCounted Counted(int @for, int against, int abstain, params string[] tellers) =>
        new(new Count(@for, @for), new Count(against, against), new Count(abstain, abstain), [], tellers);

    [Fact]
    public void APaperBallotIsClosedWithTheTellersCountAndWhoCounted()
    {
        var ballot = Open(Paper);

        var events = ballot.CloseByHand(Chair, Majority, Counted(3, 1, 0, "王秘书", "孙网格员"));

        var counted = Assert.IsType<BallotHandCounted>(events[0]);
        var closed = Assert.IsType<BallotClosed>(events[1]);
        Assert.Equal(["王秘书", "孙网格员"], counted.CountedBy);
        Assert.Equal(new Count(3, 3), closed.Tally.For);
        Assert.True(closed.Passes);
        Assert.Same(counted, ballot.HandCount);
    }

    [Fact]
    public void APaperBallotTakesNoVotesFromPhonesAndNoCloseWithoutACount()
    {
        var ballot = Open(Paper);

        Assert.Throws<BallotRuleViolation>(() => ballot.Cast(Member("a"), null, VoteChoice.For, "v1"));
        Assert.Throws<BallotRuleViolation>(() => ballot.Close(Chair, Majority));
    }

    [Fact]
    public void AHandCountNamesItsTellersAndCountsNoMoreThanThosePresent()
    {
        var ballot = Open(Paper);

        Assert.Throws<ArgumentException>(() => ballot.CloseByHand(Chair, Majority, Counted(3, 1, 0)));
        Assert.Throws<ArgumentException>(() => ballot.CloseByHand(Chair, Majority, Counted(4, 1, 0, "王秘书")));
        Assert.Equal(BallotStatus.Open, ballot.Status);
    }

    [Fact]
    public void AnElectronicBallotIsNotClosedByHand() =>
        Assert.Throws<BallotRuleViolation>(() => Open(BallotTerms.Motion()).CloseByHand(Chair, Majority, Counted(1, 0, 0, "王秘书")));

    [Fact]
    public void APaperBallotBetweenOptionsCountsEachOption()
    {
        var ballot = Open(Options(1, "plurality", "Wang", "Li") with { Kind = BallotKind.Paper });

        var events = ballot.CloseByHand(Chair, Majority, new BallotHandCounted(new Count(3, 3), Count.Zero, new Count(1, 1),
            [new OptionCount("Wang", new Count(2, 2)), new OptionCount("Li", new Count(1, 1))], ["王秘书"]));

        Assert.Equal(["Wang"], Assert.IsType<BallotClosed>(events[1]).Elected);
        Assert.Throws<BallotRuleViolation>(() => ballot.CloseByHand(Chair, Majority, Counted(1, 0, 0, "王秘书")));
    }

    [Fact]
    public void AnOptionCannotHaveMoreMarksThanTheBallotsThatMarkedAnything()
    {
        var ballot = Open(Options(1, "plurality", "Wang", "Li") with { Kind = BallotKind.Paper });

        Assert.Throws<ArgumentException>(() => ballot.CloseByHand(Chair, Majority, new BallotHandCounted(new Count(1, 1), Count.Zero, Count.Zero,
            [new OptionCount("Wang", new Count(2, 2)), new OptionCount("Li", Count.Zero)], ["王秘书"])));
    }
}
