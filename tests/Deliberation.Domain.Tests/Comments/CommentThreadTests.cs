using Deliberation.Domain;
using Deliberation.Domain.Comments;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.Tests.Comments;

public sealed class CommentThreadTests
{
    private static readonly Actor Clerk = new("u-clerk", [new RoleGrant(CouncilRole.Clerk, null, 1)]);
    private static readonly Actor Resident = new("u-resident", [new RoleGrant(CouncilRole.Resident, null, 1)]);
    private static readonly Actor Member = new("u-member", [new RoleGrant(CouncilRole.Member, "joint-meeting", 1)]);
    private static readonly ItemAt Consulting = new("item-1", "lakeside", "consultation", StepKind.Consultation);
    private static readonly ItemAt Proposing = new("item-1", "lakeside", "proposal", StepKind.Proposal);
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static CommentThread Open()
    {
        var thread = CommentThread.Empty();
        thread.OpenWindow(Clerk, Consulting, Now, "征求意见");
        return thread;
    }

    [Fact]
    public void OpensOnlyAtAConsultationStep()
    {
        Assert.Throws<CommentRuleViolation>(() => CommentThread.Empty().OpenWindow(Clerk, Proposing, Now, null));
        Assert.Throws<CommentRuleViolation>(() => CommentThread.Empty().OpenWindow(Clerk, Consulting with { StepId = null, StepKind = null }, Now, null));

        var opened = Assert.IsType<CommentWindowOpened>(Assert.Single(CommentThread.Empty().OpenWindow(Clerk, Consulting, Now, null)));
        Assert.Equal("consultation", opened.StepId);
        Assert.False(string.IsNullOrWhiteSpace(opened.Reason));
    }

    [Fact]
    public void OnlyTheClerkOpensClosesAndHides()
    {
        Assert.Throws<NotPermitted>(() => CommentThread.Empty().OpenWindow(Resident, Consulting, Now, null));
        var thread = Open();
        thread.Post(Resident, Consulting, Now, "c1", "同意");
        Assert.Throws<NotPermitted>(() => thread.CloseWindow(Member, Now, null));
        Assert.Throws<NotPermitted>(() => thread.Hide(Resident, Now, 1, "不当"));
    }

    [Fact]
    public void ResidentPostsWhileOpenAndIsRefusedOnceClosed()
    {
        var thread = Open();
        var posted = Assert.IsType<CommentPosted>(Assert.Single(thread.Post(Resident, Consulting, Now, "c1", "建议加装路灯")));
        Assert.Equal((1, "u-resident", "建议加装路灯"), (posted.No, posted.AuthorId, posted.Text));

        Assert.IsType<CommentWindowClosed>(Assert.Single(thread.CloseWindow(Clerk, Now, "商议结束")));
        Assert.Throws<CommentRuleViolation>(() => thread.Post(Resident, Consulting, Now, "c2", "还有一点"));
        Assert.Throws<CommentRuleViolation>(() => thread.CloseWindow(Clerk, Now, null));
    }

    [Fact]
    public void WindowEndsWithItsStepWithoutBeingClosed()
    {
        var thread = Open();

        Assert.Throws<CommentRuleViolation>(() => thread.Post(Resident, Consulting with { StepId = "resolution", StepKind = StepKind.ResolutionVote }, Now, "c1", "晚了"));
        Assert.False(thread.IsOpenAt(Consulting with { StepId = "second-consultation" }));
    }

    [Fact]
    public void WindowOfAnEarlierEntryIntoTheStepDoesNotOpenByItselfWhenTheItemComesBack()
    {
        var thread = CommentThread.Empty();
        thread.OpenWindow(Clerk, Consulting with { StepEntry = 7 }, Now, null);
        var returned = Consulting with { StepEntry = 12 };

        Assert.False(thread.IsOpenAt(returned));
        Assert.Throws<CommentRuleViolation>(() => thread.Post(Resident, returned, Now, "c1", "又回到商议"));
        Assert.IsType<CommentWindowOpened>(Assert.Single(thread.OpenWindow(Clerk, returned, Now, "复议")));
        Assert.Single(thread.Post(Resident, returned, Now, "c1", "又回到商议"));
    }

    [Fact]
    public void RefusesCommentsFromThoseWhoAreNotResidents()
    {
        var thread = Open();

        Assert.Throws<NotPermitted>(() => thread.Post(Member, Consulting, Now, "c1", "我是代表"));
        Assert.Throws<NotPermitted>(() => thread.Post(Actor.Nobody("u-visitor"), Consulting, Now, "c1", "我是访客"));
    }

    [Fact]
    public void ResendWithTheSameClientIdPostsOnce()
    {
        var thread = Open();
        thread.Post(Resident, Consulting, Now, "c1", "同意");

        Assert.Empty(thread.Post(Resident, Consulting, Now, "c1", "同意"));
        Assert.Single(thread.Comments);
        Assert.Equal(1, thread.PostedAs("u-resident", "c1")!.No);
        // Another resident's equal id is their own comment.
        Assert.Single(thread.Post(new Actor("u-other", Resident.Roles), Consulting, Now, "c1", "也同意"));
    }

    [Fact]
    public void RefusesEmptyOverlongAndControlCharacterText()
    {
        var thread = Open();

        Assert.Throws<TextRuleViolation>(() => thread.Post(Resident, Consulting, Now, "c1", "  "));
        Assert.Throws<TextRuleViolation>(() => thread.Post(Resident, Consulting, Now, "c2", new string('长', CommentThread.MaxLength + 1)));
        Assert.Throws<TextRuleViolation>(() => thread.Post(Resident, Consulting, Now, "c3", "bell\u0007"));
        Assert.Throws<ArgumentException>(() => thread.Post(Resident, Consulting, Now, "with space", "好"));
        Assert.Single(thread.Post(Resident, Consulting, Now, "c4", new string('长', CommentThread.MaxLength)));
    }

    [Fact]
    public void RefusesTheSixthCommentInTenMinutesFromOneResident()
    {
        var thread = Open();
        for (var i = 0; i < CommentThread.MaxPerResidentInWindow; i++)
            thread.Post(Resident, Consulting, Now.AddMinutes(i), $"c{i}", $"第 {i} 条");

        Assert.Throws<CommentsTooFrequent>(() => thread.Post(Resident, Consulting, Now.AddMinutes(5), "c-next", "再一条"));
        Assert.Single(thread.Post(new Actor("u-other", Resident.Roles), Consulting, Now.AddMinutes(5), "c-other", "别人的"));
        Assert.Single(thread.Post(Resident, Consulting, Now.Add(CommentThread.RateWindow).AddSeconds(1), "c-later", "过了十分钟"));
    }

    [Fact]
    public void HiddenCommentKeepsItsTextInTheThreadWithTheReason()
    {
        var thread = Open();
        thread.Post(Resident, Consulting, Now, "c1", "某某是骗子");

        Assert.Throws<ArgumentException>(() => thread.Hide(Clerk, Now, 1, " "));
        var hidden = Assert.IsType<CommentHidden>(Assert.Single(thread.Hide(Clerk, Now, 1, "含人身攻击")));

        Assert.Equal((1, "含人身攻击"), (hidden.No, hidden.Reason));
        Assert.Equal("某某是骗子", thread.Comments[0].Text);
        Assert.Equal("含人身攻击", thread.Comments[0].HiddenReason);
        Assert.Throws<CommentRuleViolation>(() => thread.Hide(Clerk, Now, 1, "再藏一次"));
        Assert.Throws<ArgumentException>(() => thread.Hide(Clerk, Now, 2, "没有这条"));
    }

    [Fact]
    public void ReplayingTheEventsGivesTheSameThread()
    {
        var live = CommentThread.Empty();
        var events = new List<CommentEvent>();
        events.AddRange(live.OpenWindow(Clerk, Consulting, Now, null));
        events.AddRange(live.Post(Resident, Consulting, Now, "c1", "一"));
        events.AddRange(live.Hide(Clerk, Now, 1, "重复"));
        events.AddRange(live.Post(Resident, Consulting, Now, "c2", "二"));

        var replayed = CommentThread.Empty();
        foreach (var e in events) replayed.Apply(e, Now);

        Assert.Equal(live.Comments, replayed.Comments);
        Assert.Equal(live.OpenAtStep, replayed.OpenAtStep);
        Assert.Equal(("item-1", "lakeside"), (replayed.ItemId, replayed.CouncilId));
    }
}
