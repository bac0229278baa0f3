using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;
using static Deliberation.Domain.Tests.Ballots.BallotFixture;

namespace Deliberation.Domain.Tests.Ballots;

/// <summary>Five on the roll; a and b present; b also stands for the absent c; the simple majority needs more than half present.</summary>
public sealed class ProxyQuorumTests
{
    private static readonly IReadOnlyList<BallotVoter> ThreeWithAProxy = [new("a", 1, "a"), new("b", 1, "b"), new("c", 1, "b")];

    private static BallotClosed Close(bool proxiesCount)
    {
        var ballot = Open(BallotTerms.Motion(new BallotPractice(ProxiesCountTowardQuorum: proxiesCount)), voters: ThreeWithAProxy);
        ballot.Cast(Member("a"), null, VoteChoice.For, "v1");
        ballot.Cast(Member("b"), null, VoteChoice.For, "v2");
        ballot.Cast(Member("b"), "c", VoteChoice.For, "v3");
        return (BallotClosed)ballot.Close(Chair, Majority).Single();
    }

    [Fact]
    public void WhereProxiesCountTheRepresentedMemberMakesTheQuorum()
    {
        var closed = Close(proxiesCount: true);

        Assert.True(closed.Quorum);
        Assert.Null(closed.Tally.QuorumPresent);
    }

    [Fact]
    public void WhereProxiesDoNotCountOnlyThoseThereInPersonMakeTheQuorum()
    {
        var closed = Close(proxiesCount: false);

        Assert.False(closed.Quorum);
        Assert.False(closed.Passes);
        Assert.Equal(new Count(2, 2), closed.Tally.QuorumPresent);
        // The proxy's vote is still a vote: it is counted, only not toward the quorum.
        Assert.Equal(new Count(3, 3), closed.Tally.For);
    }

    [Fact]
    public void TheShortfallCountsAnotherMemberInPersonTowardTheQuorum()
    {
        var tally = Tally.Create(new Count(5, 5), new Count(3, 3), new Count(3, 3), Count.Zero, Count.Zero) with { QuorumPresent = new Count(2, 2) };

        var decision = Majority.Evaluate(tally);

        Assert.False(decision.Quorum);
        Assert.Equal(1, decision.Shortfall.MoreForVotes);
    }
}
