using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;
using static Deliberation.Domain.Tests.Ballots.BallotFixture;

namespace Deliberation.Domain.Tests.Ballots;

public sealed class VoteChangeTests
{
    private static readonly BallotTerms Changeable = BallotTerms.Motion(new BallotPractice(VotesMayChange: true));

    [Fact]
    public void WhereTheBodyAllowsItTheLastVoteCountsAndTheChangeIsRecorded()
    {
        var ballot = Open(Changeable);
        ballot.Cast(Member("a"), null, VoteChoice.For, "v1");

        var changed = Assert.IsType<VoteChanged>(Assert.Single(ballot.Cast(Member("a"), null, VoteChoice.Against, "v2")));
        var closed = (BallotClosed)ballot.Close(Chair, Majority).Single();

        Assert.Equal(VoteChoice.Against, changed.Choice);
        Assert.Equal(new Count(0, 0), closed.Tally.For);
        Assert.Equal(new Count(1, 1), closed.Tally.Against);
    }

    [Fact]
    public void ALateResendOfTheEarlierVoteDoesNotUndoTheChange()
    {
        var ballot = Open(Changeable);
        ballot.Cast(Member("a"), null, VoteChoice.For, "v1");
        ballot.Cast(Member("a"), null, VoteChoice.Against, "v2");

        Assert.Empty(ballot.Cast(Member("a"), null, VoteChoice.For, "v1"));
        Assert.Equal(VoteChoice.Against, ballot.VoteOf("a")!.Choice);
    }

    [Fact]
    public void EveryEarlierVoteOfAMemberWhoChangedTwiceIsStillKnownAsAResend()
    {
        var ballot = Open(Changeable);
        ballot.Cast(Member("a"), null, VoteChoice.For, "v1");
        ballot.Cast(Member("a"), null, VoteChoice.Against, "v2");
        ballot.Cast(Member("a"), null, VoteChoice.Abstain, "v3");

        Assert.Empty(ballot.Cast(Member("a"), null, VoteChoice.For, "v1"));
        Assert.Empty(ballot.Cast(Member("a"), null, VoteChoice.Against, "v2"));
        Assert.Empty(ballot.Cast(Member("a"), null, VoteChoice.Abstain, "v3"));
        Assert.Equal(VoteChoice.Abstain, ballot.VoteOf("a")!.Choice);
    }

    [Fact]
    public void WhereTheBodyDoesNotAllowItASecondVoteIsRefused()
    {
        var ballot = Open(BallotTerms.Motion());
        ballot.Cast(Member("a"), null, VoteChoice.For, "v1");

        Assert.Throws<BallotRuleViolation>(() => ballot.Cast(Member("a"), null, VoteChoice.Against, "v2"));
        Assert.Equal(VoteChoice.For, ballot.VoteOf("a")!.Choice);
    }

    [Fact]
    public void AClientVoteIdCannotCarryTwoDifferentVotes()
    {
        var ballot = Open(Changeable);
        ballot.Cast(Member("a"), null, VoteChoice.For, "v1");

        Assert.Throws<BallotRuleViolation>(() => ballot.Cast(Member("a"), null, VoteChoice.Against, "v1"));
    }

    [Fact]
    public void NoChangeAfterClose()
    {
        var ballot = Open(Changeable);
        ballot.Cast(Member("a"), null, VoteChoice.For, "v1");
        ballot.Close(Chair, Majority);

        Assert.Throws<BallotRuleViolation>(() => ballot.Cast(Member("a"), null, VoteChoice.Against, "v2"));
    }

    [Fact]
    public void AProxyChangesTheVoteOfTheMemberTheyStandForOnAnOptionBallot()
    {
        var ballot = Open(Options(1, "plurality", "Wang", "Li") with { Practice = new BallotPractice(VotesMayChange: true) });
        ballot.Cast(Member("c"), "d", null, ["Wang"], "v1");
        ballot.Cast(Member("c"), "d", null, ["Li"], "v2");

        Assert.Equal(["Li"], ballot.VoteOf("d")!.Options);
        Assert.Single(ballot.Votes);
    }

    [Fact]
    public void ReplayingTheLogGivesTheLastVote()
    {
        var (_, opened) = Ballot.Open(Chair, "ballot-1", "lakeside", "meeting-1", "item-1", "body", Majority, new Count(5, 5), Voters, Changeable);
        var live = Ballot.Replay(opened);
        var events = opened.Concat(live.Cast(Member("a"), null, VoteChoice.For, "v1")).Concat(live.Cast(Member("a"), null, VoteChoice.Abstain, "v2"));

        var replayed = Ballot.Replay(events);

        Assert.Equal(VoteChoice.Abstain, replayed.VoteOf("a")!.Choice);
        Assert.Empty(replayed.Cast(Member("a"), null, VoteChoice.For, "v1"));
    }
}
