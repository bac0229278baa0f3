using Deliberation.Domain.AgendaItems;
using static Deliberation.Domain.Tests.AgendaItems.ItemScript;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.AgendaItems;

/// <summary>Loops run the later steps again; the notice period and the template version are the item's own.</summary>
public sealed class LoopAndVersionTests
{
    [Fact]
    public void AnItemSentBackByAnObjectionIsDecidedAndDisclosedAnew()
    {
        var script = CommunityAtDisclosure().Disclosed()
            .Do(i => i.Object(Resident, Start.AddDays(1), "灯太亮"))
            .Do(i => i.UpholdObjection(Clerk, 1, "确有影响"))
            .Do(i => i.ReviseProposal(Clerk, "装 4 盏暖光灯", "异议采纳"))
            .Consulted().Voted("simple-majority", 5, 5, 5, 0)
            .Do(i => i.ApproveReview(Reviewer, "合法"));
        var second = Start.AddDays(20);

        script.Do(i => i.Disclose(Clerk, second, null));

        Assert.Equal(second.AddDays(7), script.Item.NoticeEndsAt);
        Assert.Equal([ItemAction.Object, ItemAction.EndNotice], script.Item.ValidActions());
        Assert.Equal(ObjectionState.Upheld, script.Item.Objections.Single().State);
        Assert.Equal(2, script.Events.OfType<ResolutionAdopted>().Count());
    }

    [Fact]
    public void TheCouncilsNoticePeriodOverridesTheTemplates()
    {
        var script = CommunityAtDisclosure().Do(i => i.Disclose(Clerk, Start, 5));

        Assert.Equal(Start.AddDays(5), script.Item.NoticeEndsAt);
        Assert.Throws<ArgumentException>(() => CommunityAtDisclosure().Item.Disclose(Clerk, Start, 0));
    }

    [Fact]
    public void TheItemKeepsTheTemplateVersionItWasAcceptedUnder()
    {
        var revised = Community with { Version = 2 };
        var script = Submitted().Accepted(revised);

        var replayed = AgendaItem.Replay(script.Events);

        Assert.Equal(("sanyi-yishen-liang-gongkai", 2), (replayed.Template!.Id, replayed.Template.Version));
        Assert.Equal(2, script.Events.OfType<ItemAccepted>().Single().TemplateVersion);
    }

    [Fact]
    public void AReturnNeedsReasons() =>
        Assert.Throws<ArgumentException>(() =>
            Submitted().Accepted(Community).Proposed().Consulted().Voted("simple-majority", 5, 5, 4, 1).Item.ReturnReview(Reviewer, " "));

    [Fact]
    public void AnObjectionCanBeDecidedOnlyOnce()
    {
        var script = CommunityAtDisclosure().Disclosed()
            .Do(i => i.Object(Resident, Start.AddDays(1), "异议"))
            .Do(i => i.DismissObjection(Clerk, 1, "不成立"));

        Assert.Throws<ProcessRuleViolation>(() => script.Item.UpholdObjection(Clerk, 1, "再议"));
    }
}
