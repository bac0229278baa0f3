using Deliberation.Domain.AgendaItems;
using static Deliberation.Domain.Tests.AgendaItems.ItemScript;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.AgendaItems;

/// <summary>Whole journeys through both built-in templates, and the loops back to consultation.</summary>
public sealed class CommunityJourneyTests
{
    [Fact]
    public void TakesAnItemThroughThreeDeliberationsOneReviewTwoDisclosures()
    {
        var script = CommunityAtDisclosure();
        Assert.Equal("disclosure", script.Item.CurrentStep!.Id);
        Assert.False(script.Item.IsPublic);

        script.Disclosed();
        Assert.True(script.Item.IsPublic);
        Assert.Equal(Start.AddDays(7), script.Item.NoticeEndsAt);

        script.NoticeOver();
        Assert.Equal("implementation", script.Item.CurrentStep!.Id);
        script.Implemented();
        Assert.Equal("result-disclosure", script.Item.CurrentStep!.Id);
        script.Do(i => i.DiscloseResult(Clerk, "灯亮了")).Do(i => i.Rate(Resident, 5)).Do(i => i.Rate(Neighbour, 3)).Do(i => i.Close(Clerk, "评价期结束"));

        Assert.Equal(AgendaItemStatus.Closed, script.Item.Status);
        Assert.Equal(ItemOutcome.Completed, script.Item.Outcome);
        Assert.Empty(script.Item.ValidActions());
        Assert.Equal(2, script.Item.Ratings.Count);
    }

    [Fact]
    public void TakesAVillageItemThroughBothVotesWithoutAReview()
    {
        var script = Submitted().Accepted(Village).Proposed().Consulted();
        Assert.Equal("deliberation", script.Item.CurrentStep!.Id);

        script.Voted("party-members-deliberation", 45, 30, 23, 0);
        Assert.Equal("resolution", script.Item.CurrentStep!.Id);
        script.Voted("villager-representatives", 30, 20, 11, 9);

        Assert.Equal("disclosure", script.Item.CurrentStep!.Id);
    }

    [Fact]
    public void AReturnedReviewGoesBackToConsultationKeepingEveryProposalVersion()
    {
        var script = Submitted().Accepted(Community).Proposed().Consulted().Voted("simple-majority", 5, 5, 4, 1);

        script.Do(i => i.ReturnReview(Reviewer, "与规划不符"));
        Assert.Equal("consultation", script.Item.CurrentStep!.Id);
        script.Do(i => i.ReviseProposal(Clerk, "装 4 盏灯", "审核意见"));

        Assert.Equal([1, 2], script.Item.Proposals.Select(p => p.Version));
    }

    [Fact]
    public void AnUpheldObjectionSendsTheItemBackToConsultation()
    {
        var script = CommunityAtDisclosure().Disclosed().Do(i => i.Object(Resident, Start.AddDays(1), "灯太亮"));

        script.Do(i => i.UpholdObjection(Clerk, 1, "确有影响"));

        Assert.Equal("consultation", script.Item.CurrentStep!.Id);
        Assert.Equal(ObjectionState.Upheld, script.Item.Objections.Single().State);
        Assert.True(script.Item.IsPublic);
    }

    [Fact]
    public void ADismissedObjectionLetsTheNoticeEnd()
    {
        var script = CommunityAtDisclosure().Disclosed().Do(i => i.Object(Resident, Start.AddDays(1), "灯太亮"));
        Assert.Throws<ProcessRuleViolation>(() => script.Item.EndNotice(Clerk, Start.AddDays(8)));

        script.Do(i => i.DismissObjection(Clerk, 1, "有遮光罩")).NoticeOver();

        Assert.Equal("implementation", script.Item.CurrentStep!.Id);
    }

    [Theory]
    [InlineData(5, 5, 2, 3)]
    [InlineData(5, 2, 2, 0)]
    public void ARejectedOrInquorateVoteClosesTheItemAndDisclosesIt(int electorate, int present, int @for, int against)
    {
        var script = Submitted().Accepted(Community).Proposed().Consulted();

        script.Voted("simple-majority", electorate, present, @for, against);

        Assert.Equal(AgendaItemStatus.Closed, script.Item.Status);
        Assert.Equal(ItemOutcome.Rejected, script.Item.Outcome);
        Assert.True(script.Item.IsPublic);
        Assert.IsType<ResolutionRejected>(script.Events[^2]);
    }

    [Fact]
    public void ReplayingTheEventsRebuildsTheSameItem()
    {
        var script = CommunityAtDisclosure().Disclosed().Do(i => i.Object(Resident, Start.AddDays(1), "灯太亮"));

        var replayed = AgendaItem.Replay(script.Events);

        Assert.Equal(script.Item.Status, replayed.Status);
        Assert.Equal(script.Item.CurrentStepIndex, replayed.CurrentStepIndex);
        Assert.Equal(script.Item.IsPublic, replayed.IsPublic);
        Assert.Equal(script.Item.NoticeEndsAt, replayed.NoticeEndsAt);
        Assert.Equal(script.Item.Proposals, replayed.Proposals);
        Assert.Equal(script.Item.Objections, replayed.Objections);
        Assert.Equal(script.Item.ValidActions(), replayed.ValidActions());
    }
}
