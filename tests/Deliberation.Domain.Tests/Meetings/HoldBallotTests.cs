using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;

namespace Deliberation.Domain.Tests.Meetings;

public sealed class HoldBallotTests
{
    private static readonly Actor Chair = new("chair", [new RoleGrant(CouncilRole.Chair, null, 1), new RoleGrant(CouncilRole.Clerk, null, 1)]);

    private static Meeting OpenMeeting(bool takeUp = true)
    {
        var (meeting, _) = Meeting.Schedule(Chair, DateTimeOffset.UnixEpoch, "m", "lakeside", "body", "t", DateTimeOffset.UnixEpoch, "hall", ["item-1", "item-2"]);
        meeting.Open(Chair);
        if (takeUp) meeting.TakeUp(Chair, "item-1");
        return meeting;
    }

    [Fact]
    public void HoldsABallotOnTheItemUnderDiscussion()
    {
        var meeting = OpenMeeting();

        var events = meeting.HoldBallot(Chair, "ballot-1", null, lastBallotOpen: false);

        Assert.Equal([new BallotHeld("ballot-1", "item-1")], events);
        Assert.Single(meeting.Ballots);
    }

    [Fact]
    public void RefusesASecondBallotWhileOneIsOpen()
    {
        var meeting = OpenMeeting();
        meeting.HoldBallot(Chair, "ballot-1", null, lastBallotOpen: false);

        Assert.Throws<MeetingRuleViolation>(() => meeting.HoldBallot(Chair, "ballot-2", null, lastBallotOpen: true));
        Assert.Single(meeting.Ballots);
    }

    [Fact]
    public void RefusesABallotWithNoItemTakenUpOrOnAnotherItem()
    {
        Assert.Throws<MeetingRuleViolation>(() => OpenMeeting(takeUp: false).HoldBallot(Chair, "ballot-1", null, false));
        Assert.Throws<MeetingRuleViolation>(() => OpenMeeting().HoldBallot(Chair, "ballot-1", "item-2", false));
    }

    [Fact]
    public void OnlyTheChairOrClerkHoldsABallot()
    {
        var member = new Actor("m", [new RoleGrant(CouncilRole.Member, "body", 1)]);

        Assert.Throws<NotPermitted>(() => OpenMeeting().HoldBallot(member, "ballot-1", null, false));
    }
}
