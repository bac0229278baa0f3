using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;
using static Deliberation.Domain.Tests.Ballots.BallotFixture;

namespace Deliberation.Domain.Tests.Ballots;

/// <summary>The pure part of a secret ballot: who may take part, once; closing counts the published list against them.</summary>
public sealed class SecretBallotTests
{
    private static Ballot Secret(BallotPractice? practice = null, IReadOnlyList<BallotVoter>? voters = null) =>
        Open(BallotTerms.Motion(practice, BallotKind.Secret), voters: voters);

    private static Ballot Took(Ballot ballot, string voter, string by, VoteChoice choice, string id)
    {
        ballot.TakeSecret(ballot.DecideSecret(Member(by), voter == by ? null : voter, choice, null, id));
        return ballot;
    }

    private static SecretBallotPublished List(params (string Receipt, VoteChoice Choice)[] entries) =>
        new(entries.Select(e => new SecretEntry(e.Receipt, e.Choice)).ToList(), 1m, "key", "signature");

    [Fact]
    public void ParticipationNamesTheVoterAndWhoCastNeverTheChoice()
    {
        var ballot = Secret();
        var decided = ballot.DecideSecret(Member("c"), "d", VoteChoice.Against, null, "p-1");

        var events = ballot.TakeSecret(decided);

        var taken = Assert.IsType<SecretVoteTaken>(Assert.Single(events));
        Assert.Equal(new SecretVoteTaken("d", "c", "p-1"), taken);
        Assert.Equal(VoteChoice.Against, decided.Choice);
        Assert.True(ballot.HasVoted("d"));
        Assert.Equal(1, ballot.VotesIn);
        Assert.Empty(ballot.Votes);
    }

    [Fact]
    public void RejectsSecondVoteFromSameMember()
    {
        var ballot = Took(Secret(), "a", "a", VoteChoice.For, "a-1");

        Assert.Throws<BallotRuleViolation>(() => ballot.DecideSecret(Member("a"), null, VoteChoice.Against, null, "a-2"));
    }

    [Fact]
    public void AResendWithTheSameClientVoteIdIsAlreadyTakenAndRecordsNothing()
    {
        var ballot = Took(Secret(), "a", "a", VoteChoice.For, "a-1");

        var again = ballot.DecideSecret(Member("a"), null, VoteChoice.For, null, "a-1");

        Assert.True(again.AlreadyTaken);
        Assert.Empty(ballot.TakeSecret(again));
        Assert.Equal(1, ballot.VotesIn);
    }

    [Fact]
    public void AVoteDecidedBeforeTheClosingButTakenAfterIsRefused()
    {
        var ballot = Took(Secret(), "a", "a", VoteChoice.For, "a-1");
        var late = ballot.DecideSecret(Member("b"), null, VoteChoice.For, null, "b-1");
        ballot.CloseSecret(Chair, Majority, List(("R1", VoteChoice.For)));

        Assert.Throws<BallotRuleViolation>(() => ballot.TakeSecret(late));
    }

    [Fact]
    public void ClosingCountsThePublishedListUnderTheRule()
    {
        var ballot = Took(Took(Took(Secret(), "a", "a", VoteChoice.For, "a-1"), "b", "b", VoteChoice.For, "b-1"), "d", "c", VoteChoice.Against, "d-1");

        var events = ballot.CloseSecret(Chair, Majority, List(("R2", VoteChoice.Against), ("R1", VoteChoice.For), ("R3", VoteChoice.For)));

        Assert.IsType<SecretBallotPublished>(events[0]);
        var closed = Assert.IsType<BallotClosed>(events[1]);
        Assert.Equal(new Count(2, 2), closed.Tally.For);
        Assert.Equal(new Count(1, 1), closed.Tally.Against);
        Assert.Equal(new Count(4, 4), closed.Tally.Present);
        Assert.Equal(BallotStatus.Closed, ballot.Status);
        Assert.NotNull(ballot.Published);
    }

    [Fact]
    public void AListThatDoesNotHoldOneEntryPerParticipationIsRefused()
    {
        var ballot = Took(Took(Secret(), "a", "a", VoteChoice.For, "a-1"), "b", "b", VoteChoice.For, "b-1");

        Assert.Throws<ArgumentException>(() => ballot.CloseSecret(Chair, Majority, List(("R1", VoteChoice.For))));
        Assert.Throws<ArgumentException>(() => ballot.CloseSecret(Chair, Majority, List(("R1", VoteChoice.For), ("R1", VoteChoice.Against))));
        Assert.Equal(BallotStatus.Open, ballot.Status);
    }

    [Fact]
    public void ASecretBallotNeedsVotersOfEqualWeight()
    {
        IReadOnlyList<BallotVoter> unequal = [new("a", 87.5m, "a"), new("b", 120m, "b")];

        Assert.Throws<BallotRuleViolation>(() => Secret(voters: unequal));
        Assert.Equal(2.5m, Secret(voters: [new("a", 2.5m, "a"), new("b", 2.5m, "b")]).SecretWeight);
    }

    [Fact]
    public void VotesNeverChangeOnASecretBallotWhateverTheBodyAllows()
    {
        var ballot = Took(Secret(new BallotPractice(VotesMayChange: true)), "a", "a", VoteChoice.For, "a-1");

        Assert.False(ballot.Practice.VotesMayChange);
        Assert.Throws<BallotRuleViolation>(() => ballot.DecideSecret(Member("a"), null, VoteChoice.Against, null, "a-2"));
    }

    [Fact]
    public void NamedVotesAndTheNamedCloseAreRefusedOnASecretBallot()
    {
        var ballot = Secret();

        Assert.Throws<BallotRuleViolation>(() => ballot.Cast(Member("a"), null, VoteChoice.For, "a-1"));
        Assert.Throws<BallotRuleViolation>(() => ballot.Close(Chair, Majority));
    }

    [Fact]
    public void AProxyTakesPartOnceForThemselvesAndOnceForTheMemberTheyStandFor()
    {
        var ballot = Took(Took(Secret(), "c", "c", VoteChoice.For, "c-1"), "d", "c", VoteChoice.Against, "c-2");

        Assert.Equal(["c", "c"], ballot.Participations.Select(p => p.CastBy));
        Assert.Throws<NotPermitted>(() => ballot.DecideSecret(Member("a"), "d", VoteChoice.For, null, "a-9"));
    }

    [Fact]
    public void OnABallotBetweenOptionsTheListCountsEachOptionMarked()
    {
        var ballot = Open(new BallotTerms(BallotKind.Secret, ["王", "李", "赵"], 2, "plurality", BallotPractice.Default));
        foreach (var (voter, marks) in new[] { ("a", new[] { "王", "李" }), ("b", new[] { "李" }), ("c", Array.Empty<string>()) })
            ballot.TakeSecret(ballot.DecideSecret(Member(voter), null, null, marks, voter));

        var events = ballot.CloseSecret(Chair, Majority, new SecretBallotPublished(
            [new("R1", VoteChoice.For, ["李"]), new("R2", VoteChoice.Abstain, []), new("R3", VoteChoice.For, ["王", "李"])], 1m, "key", "sig"));

        var closed = Assert.IsType<BallotClosed>(events[1]);
        Assert.Equal(2, closed.Options!.Single(o => o.Option == "李").Count.Members);
        Assert.Equal(1, closed.Options!.Single(o => o.Option == "王").Count.Members);
        Assert.Equal(new Count(1, 1), closed.Tally.Abstain);
    }

    [Fact]
    public void TheListTextIsOneEntryALineAfterAHeaderAndReceiptsAreReadable()
    {
        var text = SecretBallotList.Text("lakeside", "ballot-1", [], 1m, [new("AAAA-BBBB-CCCC-DDDD", VoteChoice.For)]);
        var receipt = SecretBallotList.Receipt(new byte[10]);

        Assert.Equal("deliberation secret ballot list v1\ncouncil\tlakeside\nballot\tballot-1\noptions\tFor\tAgainst\tAbstain\nweight\t1\nentries\t1\nAAAA-BBBB-CCCC-DDDD\tFor\n", text);
        Assert.Equal("0000-0000-0000-0000", receipt);
        Assert.Equal("7KQ2-M9XD-3F8R-HW51", SecretBallotList.Normalize("7kq2 m9xd 3f8r hw5l"));
    }
}
