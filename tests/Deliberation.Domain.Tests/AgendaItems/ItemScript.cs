using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Process;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.AgendaItems;

/// <summary>Takes an item to a given point of its process, keeping every event it emitted.</summary>
public sealed class ItemScript
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly ProcessTemplate Community = ProcessTemplateCatalog.Latest("sanyi-yishen-liang-gongkai");
    public static readonly ProcessTemplate Village = ProcessTemplateCatalog.Latest("siyi-liang-gongkai");

    public List<AgendaItemEvent> Events { get; } = [];
    public AgendaItem Item { get; }

    private ItemScript(AgendaItem item, IEnumerable<AgendaItemEvent> events)
    {
        Item = item;
        Events.AddRange(events);
    }

    public static ItemScript Submitted()
    {
        var (item, events) = AgendaItem.Submit(Resident, "item-1", "lakeside", "湖边装路灯", "晚上太黑", "设施", "湖边", null);
        return new ItemScript(item, events);
    }

    public ItemScript Do(Func<AgendaItem, IReadOnlyList<AgendaItemEvent>> step)
    {
        Events.AddRange(step(Item));
        return this;
    }

    public static Tally Votes(int electorate, int present, int @for, int against) =>
        Tally.Create(new(electorate, electorate), new(present, present), new(@for, @for), new(against, against),
            new(present - @for - against, present - @for - against));

    public static DecisionRule Rule(string id) => DecisionRuleCatalog.Find(id);

    public ItemScript Accepted(ProcessTemplate template) => Do(i => i.Accept(Clerk, template, null));
    public ItemScript Proposed() => Do(i => i.RecordProposal(Clerk, "装 6 盏灯", ["同意", "不同意"], "居民议题")).Do(i => i.CompleteStep(Clerk));
    public ItemScript Consulted() => Do(i => i.RecordConsultation(Clerk, null, "同意")).Do(i => i.CompleteStep(Clerk));
    public ItemScript Voted(string rule, int electorate, int present, int @for, int against) =>
        Do(i => i.RecordResolution(Chair, Rule(rule), Votes(electorate, present, @for, against), null));
    public ItemScript Disclosed() => Do(i => i.Disclose(Clerk, Start, null));
    public ItemScript NoticeOver() => Do(i => i.EndNotice(Clerk, Start.AddDays(8)));
    public ItemScript Implemented() =>
        Do(i => i.AssignImplementation(Clerk, "物业", new DateOnly(2026, 12, 31)))
        .Do(i => i.ReportProgress(Property, "采购完成", 50))
        .Do(i => i.CompleteImplementation(Property, "已安装"));

    /// <summary>三议一审两公开, up to the disclosure step.</summary>
    public static ItemScript CommunityAtDisclosure() =>
        Submitted().Accepted(Community).Proposed().Consulted().Voted("simple-majority", 5, 5, 4, 1)
            .Do(i => i.ApproveReview(Reviewer, "合法"));
}
