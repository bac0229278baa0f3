using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Meetings;
using static Deliberation.Domain.Tests.Ballots.BallotFixture;

namespace Deliberation.Domain.Tests.Ballots;

/// <summary>
/// A secret ballot where households vote: each household takes part once, by whichever of its members comes first;
/// only that member resends it; the published list is counted as households.
/// </summary>
public sealed class HouseholdSecretBallotTests
{
    private static readonly DecisionRule Households = DecisionRuleCatalog.Find("villager-meeting-households");

    // Households: {a, b} kept under a, c alone, d alone; three households present of an electorate of four.
    private static readonly IReadOnlyList<BallotVoter> Voters = [new("a", 1, "a", ["b"]), new("c", 1, "c"), new("d", 1, "d")];

    private static Ballot Secret() => Open(BallotTerms.Motion(kind: BallotKind.Secret), Households, Voters, new Count(4, 4));

    private static SecretDecision Decide(Ballot ballot, string by, VoteChoice choice, string clientVoteId) =>
        ballot.DecideSecret(Member(by), null, choice, null, clientVoteId);

    [Fact]
    public void AnyMemberOfAHouseholdTakesPartForItWithoutNamingIt()
    {
        var ballot = Secret();

        var events = ballot.TakeSecret(Decide(ballot, "b", VoteChoice.For, "b-1"));

        Assert.Equal(new SecretVoteTaken("a", "b", "b-1"), Assert.Single(events));
        Assert.True(ballot.HasVoted("a"));
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("b", "a")]
    public void RejectsASecondSecretVoteFromTheSameHouseholdWhicheverMemberCameFirst(string first, string second)
    {
        var ballot = Secret();
        ballot.TakeSecret(Decide(ballot, first, VoteChoice.For, "first-1"));

        var refused = Assert.Throws<BallotRuleViolation>(() => Decide(ballot, second, VoteChoice.Against, "second-1"));

        Assert.Contains("cast already", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, ballot.VotesIn);
    }

    [Fact]
    public void AnotherMemberSendingTheSameClientVoteIdIsRefusedNotTakenForAResend()
    {
        var ballot = Secret();
        ballot.TakeSecret(Decide(ballot, "b", VoteChoice.For, "b-1"));

        // A resend is answered with the vote's receipt: from anyone but b, that would tell them b's choice.
        Assert.Throws<BallotRuleViolation>(() => Decide(ballot, "a", VoteChoice.For, "b-1"));
        Assert.Throws<BallotRuleViolation>(() => ballot.TakeSecret(new SecretDecision("a", "a", "b-1", VoteChoice.For, null, false)));
        Assert.True(Decide(ballot, "b", VoteChoice.For, "b-1").AlreadyTaken);
        Assert.Equal(1, ballot.VotesIn);
    }

    [Fact]
    public void ClosingCountsTheListAsHouseholdsAgainstTheHouseholdsOnTheRoll()
    {
        var ballot = Secret();
        foreach (var (by, choice) in new[] { ("b", VoteChoice.For), ("c", VoteChoice.For), ("d", VoteChoice.Against) })
            ballot.TakeSecret(Decide(ballot, by, choice, by + "-1"));

        var events = ballot.CloseSecret(Chair, Households, new SecretBallotPublished(
            [new("R1", VoteChoice.Against), new("R2", VoteChoice.For), new("R3", VoteChoice.For)], 1m, "key", "signature"));

        // 3 of 4 households present (>= 2/3), 2 of 3 for (> 1/2 of those present).
        var closed = Assert.IsType<BallotClosed>(events[1]);
        Assert.Equal((4, 3, 2, 1), (closed.Tally.Electorate.Members, closed.Tally.Present.Members, closed.Tally.For.Members, closed.Tally.Against.Members));
        Assert.True(closed.Quorum && closed.Passes);
    }

    [Fact]
    public void HouseholdsFromARollOfUnequalWeightsVoteWithOneWeightSoTheirBallotMayBeSecret()
    {
        var clerk = new Actor("clerk", [new RoleGrant(CouncilRole.Chair, null, 1), new RoleGrant(CouncilRole.Clerk, null, 1)]);
        IReadOnlyList<RoleHolder> roll = [new("a", "A", CouncilRole.Member, "body", 87.5m), new("b", "B", CouncilRole.Member, "body", 120m),
            new("c", "C", CouncilRole.Member, "body", 60m)];
        var meeting = Meeting.Schedule(clerk, DateTimeOffset.UnixEpoch, "m", "lakeside", "body", "t", DateTimeOffset.UnixEpoch, "hall", []).Meeting;
        meeting.Open(clerk);
        foreach (var present in new[] { "a", "b", "c" }) meeting.RecordAttendance(clerk, present, Attendance.Present, null, roll);

        var voters = meeting.HouseholdVoters(roll, id => id is "a" or "b" ? "8-101" : null);
        var ballot = Open(BallotTerms.Motion(kind: BallotKind.Secret), Households, voters, Meeting.HouseholdElectorate(roll, id => id is "a" or "b" ? "8-101" : null));

        Assert.Equal((2, 1m), (ballot.Voters.Count, ballot.SecretWeight));
    }
}
