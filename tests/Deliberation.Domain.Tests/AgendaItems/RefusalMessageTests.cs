using Deliberation.Domain.AgendaItems;
using static Deliberation.Domain.Tests.AgendaItems.ItemScript;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.AgendaItems;

/// <summary>A refusal must tell the person what they tried, where the item stands and what they can do instead.</summary>
public sealed class RefusalMessageTests
{
    [Fact]
    public void RejectsReviewWhileInConsultation()
    {
        var item = Submitted().Accepted(Community).Proposed().Item;

        var refusal = Assert.Throws<ProcessRuleViolation>(() => item.ApproveReview(Reviewer, "同意"));

        Assert.Equal([ItemAction.ReviseProposal, ItemAction.RecordConsultation, ItemAction.CompleteStep], refusal.AllowedActions);
        Assert.Contains("approve-review", refusal.Message);
        Assert.Contains("'consultation'", refusal.Message);
        Assert.Contains("revise-proposal, record-consultation, complete-step", refusal.Message);
    }

    [Fact]
    public void ADeclinedItemAllowsNothingAndSaysSo()
    {
        var item = Submitted().Do(i => i.Decline(Clerk, "不属于议事范围")).Item;

        var refusal = Assert.Throws<ProcessRuleViolation>(() => item.Accept(Clerk, Community, null));

        Assert.Empty(refusal.AllowedActions);
        Assert.Contains("declined", refusal.Message);
        Assert.Contains("Allowed now: nothing", refusal.Message);
    }

    [Fact]
    public void ARoleRefusalNamesTheRoleRequired()
    {
        var item = Submitted().Item;

        var refusal = Assert.Throws<NotPermitted>(() => item.Accept(Member, Community, null));

        Assert.Contains("Clerk", refusal.Message);
        Assert.Contains("accept", refusal.Message);
    }

    [Fact]
    public void AResidentCannotApproveAReviewAndIsToldWhoCan()
    {
        var item = Submitted().Accepted(Community).Proposed().Consulted().Voted("simple-majority", 5, 5, 4, 1).Item;

        var refusal = Assert.Throws<NotPermitted>(() => item.ApproveReview(Resident, "同意"));

        Assert.Contains("Reviewer", refusal.Message);
    }

    [Fact]
    public void TriageButtonsAreTheClerksAlone()
    {
        var item = Submitted().Item;

        Assert.Equal([ItemAction.Accept, ItemAction.Merge, ItemAction.Route, ItemAction.Decline], item.AllowedActions(Clerk));
        Assert.Empty(item.AllowedActions(Resident));
        Assert.Empty(item.AllowedActions(Member));
    }

    [Fact]
    public void AnItemCannotBeMergedIntoItself() =>
        Assert.Throws<ArgumentException>(() => Submitted().Item.Merge(Clerk, "item-1", "重复"));
}
