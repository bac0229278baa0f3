using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Councils;
using static Deliberation.Domain.Tests.AgendaItems.ItemScript;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.AgendaItems;

/// <summary>In every state, every action the state does not allow is refused, saying what is allowed instead.</summary>
public sealed class TransitionTableTests
{
    private static readonly Actor Everyone = new("u-all", Enum.GetValues<CouncilRole>().Select(r => new RoleGrant(r, null, 1)).ToList());

    public static IEnumerable<object[]> States() => new (string Name, Func<ItemScript> Reach)[]
    {
        ("submitted", Submitted),
        ("declined", () => Submitted().Do(i => i.Decline(Clerk, "不属于议事范围"))),
        ("merged", () => Submitted().Do(i => i.Merge(Clerk, "item-0", "同一件事"))),
        ("routed", () => Submitted().Do(i => i.Route(Clerk, "交警中队", "属于交通执法"))),
        ("proposal, empty", () => Submitted().Accepted(Community)),
        ("proposal, recorded", () => Submitted().Accepted(Community).Do(i => i.RecordProposal(Clerk, "方案", [], "居民"))),
        ("consultation", () => Submitted().Accepted(Community).Proposed()),
        ("vote", () => Submitted().Accepted(Community).Proposed().Consulted()),
        ("review", () => Submitted().Accepted(Community).Proposed().Consulted().Voted("simple-majority", 5, 5, 4, 1)),
        ("disclosure, before", CommunityAtDisclosure),
        ("disclosure, notice", () => CommunityAtDisclosure().Disclosed()),
        ("disclosure, objected", () => CommunityAtDisclosure().Disclosed().Do(i => i.Object(Resident, Start, "不同意"))),
        ("implementation, unassigned", () => CommunityAtDisclosure().Disclosed().NoticeOver()),
        ("implementation, assigned", () => CommunityAtDisclosure().Disclosed().NoticeOver().Do(i => i.AssignImplementation(Clerk, "物业", new DateOnly(2027, 1, 1)))),
        ("result disclosure", () => CommunityAtDisclosure().Disclosed().NoticeOver().Implemented()),
        ("result disclosed", () => CommunityAtDisclosure().Disclosed().NoticeOver().Implemented().Do(i => i.DiscloseResult(Clerk, "完成"))),
        ("closed", () => CommunityAtDisclosure().Disclosed().NoticeOver().Implemented().Do(i => i.DiscloseResult(Clerk, "完成")).Do(i => i.Close(Clerk, "完成"))),
    }.Select(s => new object[] { s.Name, s.Reach });

    [Theory, MemberData(nameof(States))]
    public void RefusesEveryActionTheStateDoesNotAllow(string state, Func<ItemScript> reach)
    {
        var item = reach().Item;
        var valid = item.ValidActions();

        foreach (var action in Enum.GetValues<ItemAction>().Except(valid))
        {
            var refusal = Assert.Throws<ProcessRuleViolation>(() => Take(item, action, Everyone));
            Assert.Equal(valid, refusal.AllowedActions);
            Assert.Contains(action.ToKebabCase(), refusal.Message);
        }
        Assert.True(state.Length > 0);
    }

    [Theory, MemberData(nameof(States))]
    public void EveryActionItOffersCanBeTaken(string state, Func<ItemScript> reach)
    {
        foreach (var action in reach().Item.ValidActions())
        {
            var item = reach().Item;
            var now = action is ItemAction.EndNotice ? Start.AddDays(8) : Start;
            var events = Take(item, action, Everyone, now);
            Assert.True(events.Count > 0, $"{action} in state '{state}' emitted nothing");
        }
    }

    /// <summary>Each action with plausible arguments: what is under test is whether the state allows it.</summary>
    private static IReadOnlyList<AgendaItemEvent> Take(AgendaItem item, ItemAction action, Actor by, DateTimeOffset? at = null)
    {
        var now = at ?? Start;
        return action switch
        {
            ItemAction.Accept => item.Accept(by, Community, null),
            ItemAction.Merge => item.Merge(by, "item-0", "重复"),
            ItemAction.Route => item.Route(by, "交警中队", "执法事项"),
            ItemAction.Decline => item.Decline(by, "不属于议事范围"),
            ItemAction.RecordProposal => item.RecordProposal(by, "方案", [], "居民"),
            ItemAction.ReviseProposal => item.ReviseProposal(by, "新方案", "意见"),
            ItemAction.RecordConsultation => item.RecordConsultation(by, null, "纪要"),
            ItemAction.CompleteStep => item.CompleteStep(by),
            ItemAction.RecordResolution => item.RecordResolution(by, Rule("simple-majority"), Votes(5, 5, 4, 1), null),
            ItemAction.ApproveReview => item.ApproveReview(by, "同意"),
            ItemAction.ReturnReview => item.ReturnReview(by, "退回"),
            ItemAction.Disclose => item.Disclose(by, now, null),
            ItemAction.Object => item.Object(by, now, "异议"),
            ItemAction.UpholdObjection => item.UpholdObjection(by, 1, "采纳"),
            ItemAction.DismissObjection => item.DismissObjection(by, 1, "不采纳"),
            ItemAction.EndNotice => item.EndNotice(by, now),
            ItemAction.AssignImplementation => item.AssignImplementation(by, "物业", new DateOnly(2027, 1, 1)),
            ItemAction.ReportProgress => item.ReportProgress(by, "进展", 10),
            ItemAction.CompleteImplementation => item.CompleteImplementation(by, "完成"),
            ItemAction.DiscloseResult => item.DiscloseResult(by, "结果"),
            ItemAction.Rate => item.Rate(by, 4),
            ItemAction.Close => item.Close(by, "办结"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
