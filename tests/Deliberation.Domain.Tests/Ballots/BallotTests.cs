using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Tests.Ballots;

public sealed class BallotTests
{
    private static readonly Actor Chair = new("chair", [new RoleGrant(CouncilRole.Chair, null, 1), Member("body").Roles.First()]);
    private static readonly DecisionRule Majority = DecisionRuleCatalog.Find("simple-majority");

    private static Actor Member(string body, string? id = null, decimal weight = 1) =>
        new(id ?? "m", [new RoleGrant(CouncilRole.Member, body, weight)]);

    /// <summary>Five on the roll; a, b, c present; c also stands for the absent d; e is absent.</summary>
    private static Ballot Open(DecisionRule? rule = null, decimal cWeight = 1) => Ballot.Open(Chair, "ballot-1", "lakeside", "meeting-1",
        "item-1", "body", rule ?? Majority, new Count(5, 4 + cWeight),
        [new BallotVoter("a", 1, "a"), new BallotVoter("b", 1, "b"), new BallotVoter("c", cWeight, "c"), new BallotVoter("d", 1, "c")]).Ballot;

    [Fact]
    public void CountsOneVotePerMemberUnderTheBodysRule()
    {
        var ballot = Open();
        ballot.Cast(Member("body", "a"), null, VoteChoice.For, "v1");
        ballot.Cast(Member("body", "b"), null, VoteChoice.Against, "v2");
        ballot.Cast(Member("body", "c"), null, VoteChoice.For, "v3");

        var closed = Assert.IsType<BallotClosed>(Assert.Single(ballot.Close(Chair, Majority)));

        Assert.Equal(new Count(2, 2), closed.Tally.For);
        Assert.Equal(new Count(1, 1), closed.Tally.Against);
        Assert.Equal(new Count(4, 4), closed.Tally.Present);
        Assert.Equal(new Count(5, 5), closed.Tally.Electorate);
        Assert.True(closed.Quorum);
        Assert.True(closed.Passes);
    }

    [Fact]
    public void RejectsSecondVoteFromSameMember()
    {
        var ballot = Open();
        ballot.Cast(Member("body", "a"), null, VoteChoice.For, "v1");

        Assert.Throws<BallotRuleViolation>(() => ballot.Cast(Member("body", "a"), null, VoteChoice.Against, "v2"));
        Assert.Single(ballot.Votes);
    }

    [Fact]
    public void AResendWithTheSameClientVoteIdRecordsNothingMore()
    {
        var ballot = Open();
        ballot.Cast(Member("body", "a"), null, VoteChoice.For, "v1");

        Assert.Empty(ballot.Cast(Member("body", "a"), null, VoteChoice.For, "v1"));
        Assert.Single(ballot.Votes);
    }

    [Fact]
    public void AResendIsRecognisedWhateverSpacesSurroundItsId()
    {
        var ballot = Open();
        ballot.Cast(Member("body", "a"), null, VoteChoice.For, " v1 ");

        Assert.Empty(ballot.Cast(Member("body", "a"), null, VoteChoice.For, "v1"));
        Assert.Equal("v1", Assert.Single(ballot.Votes).ClientVoteId);
    }

    [Fact]
    public void RejectsAMemberOfAnotherBody()
    {
        var ballot = Open();

        Assert.Throws<NotPermitted>(() => ballot.Cast(Member("other-body", "a"), null, VoteChoice.For, "v1"));
        Assert.Empty(ballot.Votes);
    }

    [Fact]
    public void RejectsAMemberWhoIsNotPresent()
    {
        Assert.Throws<NotPermitted>(() => Open().Cast(Member("body", "e"), null, VoteChoice.For, "v1"));
    }

    [Fact]
    public void AProxyVotesForTheMemberWhoNamedThemAndForNobodyElse()
    {
        var ballot = Open();

        ballot.Cast(Member("body", "c"), "d", VoteChoice.Against, "v1");

        Assert.Equal("c", Assert.Single(ballot.Votes).CastBy);
        Assert.Throws<NotPermitted>(() => ballot.Cast(Member("body", "c"), "a", VoteChoice.For, "v2"));
        Assert.Throws<NotPermitted>(() => ballot.Cast(Member("body", "a"), "d", VoteChoice.For, "v3"));
    }

    [Fact]
    public void WeightsCountAsTheVotersWeight()
    {
        var ballot = Open(cWeight: 120.5m);
        ballot.Cast(Member("body", "c"), null, VoteChoice.For, "v1");
        ballot.Cast(Member("body", "a"), null, VoteChoice.Against, "v2");

        var closed = (BallotClosed)ballot.Close(Chair, Majority).Single();

        Assert.Equal(new Count(1, 120.5m), closed.Tally.For);
        Assert.Equal(new Count(4, 123.5m), closed.Tally.Present);
    }

    [Fact]
    public void RefusesVotesOnceClosedButAcknowledgesAResendOfACountedVote()
    {
        var ballot = Open();
        ballot.Cast(Member("body", "a"), null, VoteChoice.For, "v1");
        ballot.Close(Chair, Majority);

        Assert.Throws<BallotRuleViolation>(() => ballot.Cast(Member("body", "b"), null, VoteChoice.For, "v2"));
        Assert.Empty(ballot.Cast(Member("body", "a"), null, VoteChoice.For, "v1"));
    }

    [Fact]
    public void OnlyTheChairOrClerkOpensAndClosesAndOnlyOnce()
    {
        Assert.Throws<NotPermitted>(() => Ballot.Open(Member("body"), "b", "c", "m", "i", "body", Majority, new Count(1, 1),
            [new BallotVoter("m", 1, "m")]));
        var ballot = Open();
        Assert.Throws<NotPermitted>(() => ballot.Close(Member("body", "a"), Majority));
        ballot.Close(Chair, Majority);
        Assert.Throws<BallotRuleViolation>(() => ballot.Close(Chair, Majority));
    }

    [Fact]
    public void CannotOpenWithNobodyPresent()
    {
        Assert.Throws<BallotRuleViolation>(() => Ballot.Open(Chair, "b", "c", "m", "i", "body", Majority, new Count(3, 3), []));
    }

    [Theory]
    [InlineData("")]
    [InlineData("an-id-that-is-far-too-long-to-be-a-client-vote-id-0123456789-0123456789")]
    public void RefusesAMissingOrOverlongClientVoteId(string clientVoteId)
    {
        Assert.Throws<ArgumentException>(() => Open().Cast(Member("body", "a"), null, VoteChoice.For, clientVoteId));
    }

    [Fact]
    public void ReplayGivesTheSameCount()
    {
        var (ballot, opened) = Ballot.Open(Chair, "b", "c", "m", "i", "body", Majority, new Count(2, 2),
            [new BallotVoter("a", 1, "a"), new BallotVoter("b", 1, "b")]);
        var events = opened.Concat(ballot.Cast(Member("body", "a"), null, VoteChoice.For, "v1")).ToList();

        var replayed = Ballot.Replay(events);

        Assert.Equal(BallotStatus.Open, replayed.Status);
        Assert.Single(replayed.Votes);
        Assert.Throws<BallotRuleViolation>(() => replayed.Cast(Member("body", "a"), null, VoteChoice.Against, "v9"));
    }
}
