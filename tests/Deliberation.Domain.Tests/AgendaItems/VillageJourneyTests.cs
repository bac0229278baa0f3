using Deliberation.Domain.AgendaItems;
using static Deliberation.Domain.Tests.AgendaItems.ItemScript;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.AgendaItems;

/// <summary>四议两公开: two votes, no review, and an upheld objection back to the two committees.</summary>
public sealed class VillageJourneyTests
{
    private static ItemScript VillageAtDisclosure() =>
        Submitted().Accepted(Village).Proposed().Consulted()
            .Voted("party-members-deliberation", 45, 30, 23, 0)
            .Voted("villager-representatives", 30, 20, 11, 9);

    [Fact]
    public void TakesAVillageItemFromSubmissionToClose()
    {
        var script = VillageAtDisclosure().Disclosed().NoticeOver().Implemented()
            .Do(i => i.DiscloseResult(Clerk, "路修好了")).Do(i => i.Rate(Resident, 4)).Do(i => i.Close(Clerk, "办结"));

        Assert.Equal(AgendaItemStatus.Closed, script.Item.Status);
        Assert.Equal(ItemOutcome.Completed, script.Item.Outcome);
        Assert.Equal(
            ["proposal", "consultation", "deliberation", "resolution", "disclosure", "implementation", "result-disclosure"],
            script.Events.OfType<StepEntered>().Select(e => e.StepId));
        Assert.DoesNotContain(script.Events, e => e is ReviewApproved);
    }

    [Fact]
    public void AnUpheldObjectionGoesBackToTheTwoCommittees()
    {
        var script = VillageAtDisclosure().Disclosed()
            .Do(i => i.Object(Resident, Start.AddDays(2), "占了耕地"))
            .Do(i => i.UpholdObjection(Clerk, 1, "需重新商议"));

        Assert.Equal("consultation", script.Item.CurrentStep!.Id);
        Assert.Equal("two-committees", script.Item.CurrentStep.Body);
    }

    [Fact]
    public void APartyMembersRejectionClosesTheItemBeforeTheVillagersVote()
    {
        // more than half of the 45 members who should attend is 23; 22 is not enough
        var script = Submitted().Accepted(Village).Proposed().Consulted().Voted("party-members-deliberation", 45, 30, 22, 8);

        Assert.Equal(ItemOutcome.Rejected, script.Item.Outcome);
        Assert.True(script.Item.IsPublic);
        Assert.Equal("deliberation", Assert.IsType<ResolutionRejected>(script.Events[^2]).StepId);
        Assert.DoesNotContain(script.Events, e => e is StepEntered { StepId: "resolution" });
    }

    [Fact]
    public void AVillageItemIsNotPublicBeforeItsDisclosure()
    {
        var script = VillageAtDisclosure();

        Assert.False(script.Item.IsPublic);
        script.Disclosed();
        Assert.True(script.Item.IsPublic);
    }
}
