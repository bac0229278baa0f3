using Deliberation.Web.Grains;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Process;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Demo;

/// <summary>
/// The demo items, each with a history spread over past weeks. The domain checks every step exactly as it would live;
/// the events go to the log with their own (past) times, which a grain, living in the present, cannot give them.
/// </summary>
public sealed class DemoItems(IGrainFactory grains, TimeProvider clock)
{
    private static readonly ProcessTemplate Village = ProcessTemplateCatalog.Latest("siyi-liang-gongkai");
    private static readonly ProcessTemplate Community = ProcessTemplateCatalog.Latest("sanyi-yishen-liang-gongkai");

    /// <summary>The item under 三议一审两公开 that waits at its review step: the demo reviewer's work.</summary>
    public const string AwaitingReview = "item-demo-playground";

    public IReadOnlyList<string> ItemsForNextMeeting { get; } = ["item-demo-parking"];

    public async Task SeedAsync(string councilId, IReadOnlyDictionary<string, string> people, DemoLog history, CancellationToken ct)
    {
        _history = history;
        var council = grains.GetGrain<ICouncilGrain>(councilId);
        var a = new Dictionary<string, Actor>();
        foreach (var (name, id) in people) a[name] = await council.GetActorAsync(id);
        var now = clock.GetUtcNow();

        var lights = Story.Submit(a["resident"], "item-demo-lights", councilId, now.AddDays(-2), "湖边步道路灯维修",
            "湖边步道有 6 盏路灯不亮，晚上散步的老人看不清路。建议尽快维修，并考虑换成节能灯。", "公共设施", "湖边步道 3 号网格", null);
        await SaveAsync(lights, ct);

        var parking = Story.Submit(a["grid"], "item-demo-parking", councilId, now.AddDays(-16), "村口停车位规划",
            "村口车辆乱停，堵住了消防通道和校车停靠点。希望划定停车位，规定校车停靠区。", "交通", "村口广场 1 号网格", "老李（独居老人，无智能手机）");
        parking.Then(now.AddDays(-14), a["clerk"], (i, by) => i.Accept(by, Village, "与去年同类议题合并讨论"));
        parking.Then(now.AddDays(-12), a["clerk"], (i, by) => i.RecordProposal(by, "在村口广场东侧划定 24 个停车位，西侧设校车停靠区。",
            ["划定 24 个车位并设校车区", "只设校车区", "维持现状"], "居民议题"));
        parking.Then(now.AddDays(-12), a["clerk"], (i, by) => i.CompleteStep(by));
        parking.Then(now.AddDays(-6), a["clerk"], (i, by) => i.RecordConsultation(by, null, "两委会讨论：车位数量需与小卖部门前空间协调。"));
        parking.Then(now.AddDays(-5), a["clerk"], (i, by) => i.ReviseProposal(by, "在村口广场东侧划定 20 个停车位（避开小卖部门前），西侧设校车停靠区。",
            "两委会意见：避开小卖部门前"));
        await SaveAsync(parking, ct);

        var kiosks = Decided(a, councilId, "item-demo-kiosks", now.AddDays(-30), "垃圾分类亭选址",
            "新建 3 个垃圾分类亭，选址需兼顾方便与气味。", "环境卫生", "全村", DemoPastMeeting.MeetingId,
            (story, consulting) => DemoComments.Add(history, a, story.Where(), consulting));
        kiosks.Then(now.AddDays(-2), a["clerk"], (i, by) => i.Disclose(by, now.AddDays(-2), 7));
        kiosks.Then(now.AddDays(-1), a["resident"], (i, by) => i.Object(by, now.AddDays(-1), "2 号亭离我家窗户太近，夏天气味大，请考虑挪到路口。"));
        await SaveAsync(kiosks, ct);

        var canteen = Decided(a, councilId, "item-demo-canteen", now.AddDays(-60), "老年食堂运营方案",
            "由村集体出场地，物业公司运营，70 岁以上老人午餐每餐 5 元。", "养老服务", "村委会旧址");
        canteen.Then(now.AddDays(-30), a["clerk"], (i, by) => i.Disclose(by, now.AddDays(-30), 7));
        canteen.Then(now.AddDays(-22), a["clerk"], (i, by) => i.EndNotice(by, now.AddDays(-22)));
        canteen.Then(now.AddDays(-21), a["clerk"], (i, by) => i.AssignImplementation(by, "湖畔物业 Lakeside Property Co.",
            DateOnly.FromDateTime(now.AddDays(30).UtcDateTime)));
        canteen.Then(now.AddDays(-7), a["property"], (i, by) => i.ReportProgress(by, "厨房改造完成，正在办理食品经营许可证。", 40));
        await SaveAsync(canteen, ct);

        var road = Decided(a, councilId, "item-demo-road", now.AddDays(-120), "村道硬化工程",
            "将村北 800 米土路硬化为水泥路，两侧加排水沟。", "道路", "村北");
        road.Then(now.AddDays(-90), a["clerk"], (i, by) => i.Disclose(by, now.AddDays(-90), 7));
        road.Then(now.AddDays(-82), a["clerk"], (i, by) => i.EndNotice(by, now.AddDays(-82)));
        road.Then(now.AddDays(-80), a["clerk"], (i, by) => i.AssignImplementation(by, "镇交通办 Township transport office",
            DateOnly.FromDateTime(now.AddDays(-20).UtcDateTime)));
        road.Then(now.AddDays(-50), a["property"], (i, by) => i.ReportProgress(by, "路基完成。", 50));
        road.Then(now.AddDays(-25), a["clerk"], (i, by) => i.CompleteImplementation(by, "800 米水泥路和排水沟完工，镇交通办已验收。"));
        road.Then(now.AddDays(-20), a["clerk"], (i, by) => i.DiscloseResult(by, "工程按期完成，决算 41.2 万元，低于预算 3.8 万元。"));
        road.Then(now.AddDays(-18), a["resident"], (i, by) => i.Rate(by, 5));
        road.Then(now.AddDays(-17), a["member1"], (i, by) => i.Rate(by, 4));
        road.Then(now.AddDays(-15), a["member3"], (i, by) => i.Rate(by, 3));
        road.Then(now.AddDays(-10), a["clerk"], (i, by) => i.Close(by, "评价期结束"));
        await SaveAsync(road, ct);

        var fish = Story.Submit(a["resident"], "item-demo-fish", councilId, now.AddDays(-9), "建议在湖里承包养鱼",
            "建议把湖承包给个人养鱼，增加收入。", "经济", "湖区", null);
        fish.Then(now.AddDays(-8), a["clerk"], (i, by) => i.Decline(by, "湖区属于饮用水源保护区，依法不得承包养殖；已向您电话说明。"));
        await SaveAsync(fish, ct);

        var fence = Story.Submit(a["member2"], "item-demo-fence", councilId, now.AddDays(-40), "湖边围栏加高",
            "将湖边围栏由 1.2 米加高到 1.8 米。", "安全", "湖边", null);
        fence.Then(now.AddDays(-38), a["clerk"], (i, by) => i.Accept(by, Village, null));
        fence.Then(now.AddDays(-37), a["clerk"], (i, by) => i.RecordProposal(by, "湖边围栏全线加高到 1.8 米。", ["加高", "不加高"], "议事代表"));
        fence.Then(now.AddDays(-37), a["clerk"], (i, by) => i.CompleteStep(by));
        fence.Then(now.AddDays(-30), a["clerk"], (i, by) => i.RecordConsultation(by, null, "多数意见认为加高会挡住湖景，建议改为加装警示牌。"));
        fence.Then(now.AddDays(-30), a["clerk"], (i, by) => i.CompleteStep(by));
        fence.Then(now.AddDays(-25), a["chair"], (i, by) => i.RecordResolution(by, DecisionRuleCatalog.Find("party-members-deliberation"),
            Tally.Create(new(3, 3), new(3, 3), new(1, 1), new(2, 2), new(0, 0)), null));
        await SaveAsync(fence, ct);

        // The other template at work: proposed, consulted in the joint meeting, resolved by the resident
        // representatives, and now with the township's legal adviser (reviewer), who approves it or sends it back.
        var playground = Story.Submit(a["member3"], AwaitingReview, councilId, now.AddDays(-20), "儿童游乐场改造",
            "湖边小广场的滑梯和秋千锈蚀，地面是水泥地。建议更换器材并铺设塑胶地面，资金由村集体和物业共同承担。", "公共设施", "湖边小广场", null);
        playground.Then(now.AddDays(-19), a["clerk"], (i, by) => i.Accept(by, Community, "涉及物业合同，按三议一审两公开办理"));
        playground.Then(now.AddDays(-18), a["clerk"], (i, by) => i.RecordProposal(by,
            "更换滑梯、秋千各一套，铺设 300 平方米塑胶地面；预算 8.6 万元，村集体承担 6 万元，物业承担 2.6 万元。", ["同意", "不同意"], "议事代表"));
        playground.Then(now.AddDays(-18), a["clerk"], (i, by) => i.CompleteStep(by));
        playground.Then(now.AddDays(-11), a["clerk"], (i, by) => i.RecordConsultation(by, null, "三方联席会议：物业同意分担费用，要求明确保修期。"));
        playground.Then(now.AddDays(-11), a["clerk"], (i, by) => i.CompleteStep(by));
        playground.Then(now.AddDays(-4), a["chair"], (i, by) => i.RecordResolution(by, DecisionRuleCatalog.Find("simple-majority"),
            Tally.Create(new(4, 4), new(4, 4), new(3, 3), new(1, 1), new(0, 0)), null));
        await SaveAsync(playground, ct);
    }

    /// <summary>An item taken through proposal, consultation and both votes of the village template.</summary>
    private static Story Decided(Dictionary<string, Actor> a, string councilId, string id, DateTimeOffset start,
        string title, string text, string category, string place, string? villagerMeetingId = null,
        Action<Story, DateTimeOffset>? whileConsulted = null)
    {
        var story = Story.Submit(a["member1"], id, councilId, start, title, text, category, place, null);
        story.Then(start.AddDays(1), a["clerk"], (i, by) => i.Accept(by, Village, null));
        story.Then(start.AddDays(2), a["clerk"], (i, by) => i.RecordProposal(by, text, ["同意", "不同意"], "议事代表"));
        story.Then(start.AddDays(2), a["clerk"], (i, by) => i.CompleteStep(by));
        whileConsulted?.Invoke(story, start.AddDays(3));
        story.Then(start.AddDays(8), a["clerk"], (i, by) => i.RecordConsultation(by, null, "两委会一致同意提交党员大会审议。"));
        story.Then(start.AddDays(8), a["clerk"], (i, by) => i.CompleteStep(by));
        story.Then(start.AddDays(15), a["chair"], (i, by) => i.RecordResolution(by, DecisionRuleCatalog.Find("party-members-deliberation"),
            Tally.Create(new(3, 3), new(3, 3), new(3, 3), new(0, 0), new(0, 0)), null));
        story.Then(start.AddDays(22), a["chair"], (i, by) => i.RecordResolution(by, DecisionRuleCatalog.Find("villager-representatives"),
            Tally.Create(new(5, 5), new(5, 5), new(4, 4), new(1, 1), new(0, 0)), villagerMeetingId));
        return story;
    }

    private DemoLog _history = new();

    /// <summary>Gathered, not written: the council's whole history is written at once, in time order (<see cref="DemoLog"/>).</summary>
    private Task SaveAsync(Story story, CancellationToken ct)
    {
        var summary = AgendaItemGrain.CatalogueRowOf(story.Item, story.LastAt);
        _history.Catalogue(summary);
        _history.Add(summary.StreamId, story.Pending);
        return ct.IsCancellationRequested ? Task.FromCanceled(ct) : Task.CompletedTask;
    }

    private sealed class Story
    {
        private readonly List<PendingEvent> _pending = [];
        private long _stepEntry;

        private Story(AgendaItem item) => Item = item;

        public AgendaItem Item { get; }
        public IReadOnlyList<PendingEvent> Pending => _pending;
        public DateTimeOffset LastAt { get; private set; }

        public static Story Submit(Actor by, string id, string councilId, DateTimeOffset at, string title, string text,
            string category, string place, string? onBehalfOf)
        {
            var (item, events) = AgendaItem.Submit(by, id, councilId, title, text, category, place, onBehalfOf);
            var story = new Story(item);
            story.Record(by, at, events);
            return story;
        }

        public void Then(DateTimeOffset at, Actor by, Func<AgendaItem, Actor, IReadOnlyList<AgendaItemEvent>> step) =>
            Record(by, at, step(Item, by));

        /// <summary>Where the item stands now, as its comments ask (its step, and the log sequence of entering it).</summary>
        public Domain.Comments.ItemAt Where() =>
            new(Item.Id, Item.CouncilId, Item.CurrentStep?.Id, Item.CurrentStep?.Kind, _stepEntry);

        private void Record(Actor by, DateTimeOffset at, IReadOnlyList<AgendaItemEvent> events)
        {
            LastAt = at;
            foreach (var e in events)
            {
                _pending.Add(EventCodec<AgendaItemEvent>.Instance.Encode(e, by.UserId, at));
                if (e is StepEntered) _stepEntry = _pending.Count;
            }
        }
    }
}
