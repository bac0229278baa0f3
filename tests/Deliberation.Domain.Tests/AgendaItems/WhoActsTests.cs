using Deliberation.Domain.AgendaItems;
using static Deliberation.Domain.Tests.AgendaItems.ItemScript;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.AgendaItems;

/// <summary>The role each step's template names is the role that may act; triage, submission and rating rules.</summary>
public sealed class WhoActsTests
{
    [Fact]
    public void AMemberCannotTriage() =>
        Assert.Throws<NotPermitted>(() => Submitted().Item.Accept(Member, Community, null));

    [Fact]
    public void OnlyTheReviewerMayApproveAReviewNotEvenTheClerk()
    {
        var item = Submitted().Accepted(Community).Proposed().Consulted().Voted("simple-majority", 5, 5, 4, 1).Item;

        Assert.Throws<NotPermitted>(() => item.ApproveReview(Resident, "好"));
        Assert.Throws<NotPermitted>(() => item.ApproveReview(Clerk, "好"));
        Assert.Equal([ItemAction.ApproveReview, ItemAction.ReturnReview], item.AllowedActions(Reviewer));
        Assert.Empty(item.AllowedActions(Clerk));
    }

    [Fact]
    public void TheChairRecordsTheVoteAndAReviewerMayNot()
    {
        var item = Submitted().Accepted(Community).Proposed().Consulted().Item;

        Assert.Throws<NotPermitted>(() => item.RecordResolution(Reviewer, Rule("simple-majority"), Votes(5, 5, 4, 1), null));
        Assert.Equal([ItemAction.RecordResolution], item.AllowedActions(Chair));
    }

    [Fact]
    public void OnlyResidentsObjectAndRate()
    {
        var script = CommunityAtDisclosure().Disclosed();

        Assert.Throws<NotPermitted>(() => script.Item.Object(Clerk, Start, "异议"));
        script.NoticeOver().Implemented().Do(i => i.DiscloseResult(Clerk, "完成"));
        Assert.Throws<NotPermitted>(() => script.Item.Rate(Property, 5));
    }

    [Fact]
    public void TheResponsiblePartyReportsProgress()
    {
        var item = CommunityAtDisclosure().Disclosed().NoticeOver().Do(i => i.AssignImplementation(Clerk, "物业", new DateOnly(2027, 1, 1))).Item;

        Assert.Throws<NotPermitted>(() => item.ReportProgress(Resident, "好了", 100));
        item.ReportProgress(Property, "进行中", 30);
        Assert.Contains(ItemAction.CompleteImplementation, item.AllowedActions(Property));
    }

    [Fact]
    public void AGridWorkerSubmitsOnBehalfOfAResidentButAResidentOnlyForThemself()
    {
        var (item, _) = AgendaItem.Submit(Grid, "item-2", "lakeside", "楼道灯", "不亮", "设施", "3 号楼", "张奶奶");

        Assert.Equal("张奶奶", item.OnBehalfOf);
        Assert.Throws<NotPermitted>(() => AgendaItem.Submit(Resident, "item-3", "lakeside", "t", "x", "c", "p", "别人"));
        Assert.Throws<NotPermitted>(() => AgendaItem.Submit(Member, "item-4", "lakeside", "t", "x", "c", "p", null));
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("title", "")]
    public void RefusesASubmissionWithoutTitleOrText(string title, string text) =>
        Assert.ThrowsAny<ArgumentException>(() => AgendaItem.Submit(Resident, "item-5", "lakeside", title, text, "c", "p", null));

    [Fact]
    public void RefusesATitleOverTwoHundredCharacters() =>
        Assert.ThrowsAny<ArgumentException>(() => AgendaItem.Submit(Resident, "item-6", "lakeside", new string('长', 201), "x", "c", "p", null));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void DeclineNeedsAReason(string reason) =>
        Assert.Throws<ArgumentException>(() => Submitted().Item.Decline(Clerk, reason));

    [Fact]
    public void RatesOnlyFromOneToFiveOnceEachAndOnlyAfterTheResultIsOut()
    {
        var script = CommunityAtDisclosure().Disclosed().NoticeOver().Implemented();
        Assert.Throws<ProcessRuleViolation>(() => script.Item.Rate(Resident, 5));
        script.Do(i => i.DiscloseResult(Clerk, "完成"));

        Assert.Throws<ArgumentException>(() => script.Item.Rate(Resident, 6));
        Assert.Throws<ArgumentException>(() => script.Item.Rate(Resident, 0));
        script.Do(i => i.Rate(Resident, 4));
        Assert.Throws<ArgumentException>(() => script.Item.Rate(Resident, 5));
    }

    [Fact]
    public void ObjectionsOnlyDuringTheNoticeAndTheNoticeEndsOnlyWhenItIsOver()
    {
        var script = CommunityAtDisclosure().Disclosed();

        Assert.Throws<ProcessRuleViolation>(() => script.Item.EndNotice(Clerk, Start.AddDays(6)));
        Assert.Throws<ProcessRuleViolation>(() => script.Item.Object(Resident, Start.AddDays(7), "晚了"));
        script.Do(i => i.EndNotice(Clerk, Start.AddDays(7)));
        Assert.Equal("implementation", script.Item.CurrentStep!.Id);
    }
}
