using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;
using static Deliberation.Domain.Tests.Ballots.BallotFixture;

namespace Deliberation.Domain.Tests.Ballots;

public sealed class MultiOptionBallotTests
{
    [Fact]
    public void ChooseOneOfThreeElectsTheOptionWithMostVotes()
    {
        var ballot = Open(Options(1, "plurality", "东门", "西门", "南门"));
        ballot.Cast(Member("a"), null, null, ["东门"], "v1");
        ballot.Cast(Member("b"), null, null, ["西门"], "v2");
        ballot.Cast(Member("c"), null, null, ["东门"], "v3");
        ballot.Cast(Member("c"), "d", null, [], "v4");

        var closed = Assert.IsType<BallotClosed>(Assert.Single(ballot.Close(Chair, Majority)));

        Assert.Equal(["东门"], closed.Elected);
        Assert.Equal(new Count(2, 2), closed.Options!.Single(o => o.Option == "东门").Count);
        Assert.Equal(new Count(0, 0), closed.Options!.Single(o => o.Option == "南门").Count);
        Assert.Equal(new Count(3, 3), closed.Tally.For);
        Assert.Equal(new Count(1, 1), closed.Tally.Abstain);
        Assert.True(closed.Passes);
    }

    [Fact]
    public void ChooseUpToTwoElectsTheTwoWithMostVotes()
    {
        var ballot = Open(Options(2, "plurality", "Wang", "Li", "Zhao", "Sun"));
        ballot.Cast(Member("a"), null, null, ["Wang", "Li"], "v1");
        ballot.Cast(Member("b"), null, null, ["Li", "Zhao"], "v2");
        ballot.Cast(Member("c"), null, null, ["Li", "Wang"], "v3");

        var closed = (BallotClosed)ballot.Close(Chair, Majority).Single();

        Assert.Equal(["Li", "Wang"], closed.Elected);
    }

    [Fact]
    public void ATieForTheLastSeatElectsNoneOfTheTied()
    {
        var ballot = Open(Options(1, "plurality", "Wang", "Li", "Zhao"));
        ballot.Cast(Member("a"), null, null, ["Wang"], "v1");
        ballot.Cast(Member("b"), null, null, ["Li"], "v2");

        var closed = (BallotClosed)ballot.Close(Chair, Majority).Single();

        Assert.Empty(closed.Elected!);
        Assert.False(closed.Passes);
    }

    [Fact]
    public void AMajorityRuleLeavesASeatOpenWhenNobodyHasMoreThanHalfOfTheBallots()
    {
        var ballot = Open(Options(1, "majority-of-ballots", "Wang", "Li", "Zhao"));
        ballot.Cast(Member("a"), null, null, ["Wang"], "v1");
        ballot.Cast(Member("b"), null, null, ["Li"], "v2");
        ballot.Cast(Member("c"), null, null, ["Wang"], "v3");
        ballot.Cast(Member("c"), "d", null, ["Zhao"], "v4");

        var closed = (BallotClosed)ballot.Close(Chair, Majority).Single();

        Assert.Empty(closed.Elected!);
        Assert.Equal(new Count(2, 2), closed.Options!.Single(o => o.Option == "Wang").Count);
    }

    [Fact]
    public void WithoutQuorumNobodyIsElected()
    {
        var ballot = Open(Options(1, "plurality", "Wang", "Li"), voters: [new("a", 1, "a"), new("b", 1, "b")]);
        ballot.Cast(Member("a"), null, null, ["Wang"], "v1");

        var closed = (BallotClosed)ballot.Close(Chair, Majority).Single();

        Assert.False(closed.Quorum);
        Assert.Empty(closed.Elected!);
    }

    [Fact]
    public void RefusesMoreMarksThanAllowedUnknownOptionsAndAChoiceOnAnOptionBallot()
    {
        var ballot = Open(Options(2, "plurality", "Wang", "Li", "Zhao"));

        Assert.Throws<ArgumentException>(() => ballot.Cast(Member("a"), null, null, ["Wang", "Li", "Zhao"], "v1"));
        Assert.Throws<ArgumentException>(() => ballot.Cast(Member("a"), null, null, ["Qian"], "v2"));
        Assert.Throws<ArgumentException>(() => ballot.Cast(Member("a"), null, null, ["Wang", "Wang"], "v3"));
        Assert.Empty(ballot.Votes);
    }

    [Fact]
    public void AMotionRefusesOptions()
    {
        var ballot = Open(BallotTerms.Motion());

        Assert.Throws<ArgumentException>(() => ballot.Cast(Member("a"), null, VoteChoice.For, ["Wang"], "v1"));
    }

    [Fact]
    public void ResendingTheSameMarksInAnotherOrderIsTheSameVote()
    {
        var ballot = Open(Options(2, "plurality", "Wang", "Li", "Zhao"));
        ballot.Cast(Member("a"), null, null, ["Li", "Wang"], "v1");

        Assert.Empty(ballot.Cast(Member("a"), null, null, ["Wang", "Li"], "v1"));
        Assert.Equal(["Wang", "Li"], ballot.VoteOf("a")!.Options);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(2, 0)]
    [InlineData(51, 1)]
    public void TermsNeedTwoToFiftyOptionsAndFewerChoicesThanOptions(int options, int maxChoices)
    {
        var terms = new BallotTerms(BallotKind.Named, Enumerable.Range(1, options).Select(i => $"o{i}").ToList(),
            maxChoices, "plurality", BallotPractice.Default);

        Assert.Throws<ArgumentException>(() => Open(terms));
    }

    [Fact]
    public void TermsNeedAKnownSelectionRule() =>
        Assert.Throws<ArgumentException>(() => Open(Options(1, "coin-toss", "Wang", "Li")));

    [Fact]
    public void TheOpeningEventRecordsOptionsRuleAndPractice()
    {
        var (_, events) = Ballot.Open(Chair, "ballot-1", "lakeside", "meeting-1", "item-1", "body", Majority, new Count(5, 5), Voters,
            Options(2, "majority-of-present", "Wang", "Li", "Zhao") with { Practice = new BallotPractice(true, false) });

        var opened = Assert.IsType<BallotOpened>(Assert.Single(events));

        Assert.Equal(["Wang", "Li", "Zhao"], opened.Options);
        Assert.Equal(2, opened.MaxChoices);
        Assert.Equal("majority-of-present", opened.SelectionRuleId);
        Assert.Equal(new BallotPractice(true, false), opened.Practice);
        Assert.Equal(new Count(5, 5), opened.Electorate);
        Assert.Equal("simple-majority", opened.DecisionRuleId);
    }
}
