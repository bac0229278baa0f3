using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Domain.Minutes;

namespace Deliberation.Domain.Tests.Minutes;

public sealed class MinutesTests
{
    private static readonly Actor Clerk = new("clerk", [new RoleGrant(CouncilRole.Clerk, null, 1)]);
    private static readonly Actor Chair = new("chair", [new RoleGrant(CouncilRole.Chair, null, 1)]);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly MinutesDraft Draft = new("m", "lakeside", "body", new("会", "Body"), "会议", Now, "厅", MeetingStatus.Closed,
        Now, Now, [], new(new(0, 0), new(0, 0), null), [], [], [], []);

    [Fact]
    public void PublishesOnlyAfterTheChairApprovesAfterTheMeetingClosed()
    {
        var minutes = Minutes();
        minutes.WriteDiscussion(Clerk, "## 讨论");

        Assert.Throws<MinutesRuleViolation>(() => minutes.Publish(Clerk, Now, Draft, null));
        Assert.Throws<MinutesRuleViolation>(() => minutes.ApproveByChair(Chair, meetingClosed: false));
        Assert.Throws<NotPermitted>(() => minutes.ApproveByChair(Clerk, meetingClosed: true));
        minutes.ApproveByChair(Chair, meetingClosed: true);
        var published = Assert.IsType<MinutesPublished>(Assert.Single(minutes.Publish(Clerk, Now, Draft, null)));

        Assert.Equal((1, "## 讨论"), (published.Version, published.Discussion));
        Assert.Equal(MinutesStatus.Published, minutes.Status);
    }

    [Fact]
    public void ACorrectionIsANewVersionLinkedToTheOneItCorrectsWhichStaysAsItWas()
    {
        var minutes = Minutes();
        minutes.WriteDiscussion(Clerk, "原文");
        minutes.ApproveByChair(Chair, true);
        minutes.Publish(Clerk, Now, Draft, null);

        minutes.WriteDiscussion(Clerk, "更正后");
        Assert.Throws<MinutesRuleViolation>(() => minutes.Publish(Clerk, Now, Draft, "笔误"));
        minutes.ApproveByChair(Chair, true);
        Assert.ThrowsAny<ArgumentException>(() => minutes.Publish(Clerk, Now, Draft, " "));
        minutes.Publish(Clerk, Now.AddDays(1), Draft, "笔误");

        Assert.Equal(2, minutes.Versions.Count);
        Assert.Equal(("原文", 2), (minutes.Versions[0].Discussion, minutes.Versions[0].CorrectedBy));
        Assert.Equal(("更正后", 1, "笔误"), (minutes.Versions[1].Discussion, minutes.Versions[1].Corrects, minutes.Versions[1].Reason));
    }

    [Fact]
    public void ApprovedTextCannotBeRewrittenBeforeItIsPublished()
    {
        var minutes = Minutes();
        minutes.ApproveByChair(Chair, true);

        Assert.Throws<MinutesRuleViolation>(() => minutes.WriteDiscussion(Clerk, "偷改"));
        Assert.Throws<MinutesRuleViolation>(() => minutes.ApproveByChair(Chair, true));
    }

    [Fact]
    public void ABodyThatApprovesByVoteNeedsAPassedBallotNotTheChair()
    {
        var (minutes, _) = Domain.Minutes.Minutes.Start("m", "lakeside", "body", MinutesApproval.VoteAtNextMeeting);

        Assert.Throws<MinutesRuleViolation>(() => minutes.ApproveByChair(Chair, true));
        Assert.Throws<MinutesRuleViolation>(() => minutes.ApproveByVote(Chair, true, "ballot-9", passed: false));
        var approved = Assert.IsType<MinutesApproved>(Assert.Single(minutes.ApproveByVote(Chair, true, "ballot-9", passed: true)));

        Assert.Equal("ballot-9", approved.BallotId);
    }

    private static Domain.Minutes.Minutes Minutes() => Domain.Minutes.Minutes.Start("m", "lakeside", "body", MinutesApproval.Chair).Minutes;
}
