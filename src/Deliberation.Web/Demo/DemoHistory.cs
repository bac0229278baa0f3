using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Escalations;
using Deliberation.Domain.Process;
using Deliberation.Domain.Requests;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Councils;
using Deliberation.Web.Escalations;
using Deliberation.Web.Grains;
using Deliberation.Web.Requests;

namespace Deliberation.Web.Demo;

/// <summary>
/// Six months of the demo council's ordinary work before today: topics declined, merged, escalated to a department or
/// taken through the whole process; escalations answered on time, late or never, rated, one sent back; small requests
/// dispatched, taken, done and rated. Every step is the domain's own command with a past time, so nothing here could
/// not have happened live; the pattern is fixed (no randomness), so every first start shows the same history.
/// </summary>
public static class DemoHistory
{
    private static readonly ProcessTemplate Village = ProcessTemplateCatalog.Latest("siyi-liang-gongkai");
    // The demo council keeps the default zone while its history is written (it is made just before).
    private const string Zone = CouncilTime.DefaultZoneId;

    private static readonly (string Title, string Category, string Place)[] Topics =
    [
        ("村委会门口路面塌陷", "道路", "村委会门口"), ("3 号网格垃圾清运不及时", "环境卫生", "3 号网格"),
        ("湖边健身器材损坏", "公共设施", "湖边广场"), ("小学门口缺少减速带", "交通", "湖边小学"),
        ("独居老人冬季取暖", "养老服务", "全村"), ("村西排水沟堵塞", "道路", "村西"), ("广场舞音量过大", "环境卫生", "村口广场"),
        ("自来水水压偏低", "公共设施", "北片"), ("电动车充电桩不足", "安全", "2 号网格"), ("河道边护栏缺失", "安全", "小河边"),
        ("公交站台没有遮雨棚", "交通", "村口公交站"), ("老年活动室开放时间", "养老服务", "老年活动室"),
    ];

    private static readonly (string Title, string Category)[] Requests =
    [
        ("帮忙代买降压药", "代购代办 Errands"), ("修理漏水的水龙头", "维修 Repairs"), ("陪同去镇卫生院体检", "助老助残 Help for the elderly"),
        ("清理楼道堆放杂物", "环境卫生 Cleaning up"), ("更换楼道灯泡", "维修 Repairs"), ("帮忙办理医保缴费", "代购代办 Errands"),
        ("给独居老人送午餐", "助老助残 Help for the elderly"), ("教老人用智能手机", "其他 Other"),
    ];

    public static void Record(DemoLog log, string councilId, IReadOnlyDictionary<string, Actor> a, CouncilServicesView services, DateTimeOffset now)
    {
        var works = services.Department("town-works")!;
        var water = services.Department("water")!;
        var group = services.Group("party-volunteers")!;
        var start = now.AddDays(-182);
        var submitters = new[] { a["resident"], a["grid"], a["member3"], a["member4"] };
        string? previous = null;
        for (var i = 0; start.AddDays(i * 4 + 10) < now.AddDays(-3); i++)
        {
            var at = start.AddDays(i * 4).AddHours(9 + i % 6);
            var (title, category, place) = Topics[i % Topics.Length];
            var id = $"item-hist-{i:D3}";
            var by = submitters[i % submitters.Length];
            var topic = new Stream<AgendaItemEvent>($"{AgendaItemGrain.Category}-{id}");
            var (item, submitted) = AgendaItem.Submit(by, id, councilId, $"{title}（{i / Topics.Length + 1}）",
                $"{title}，请议事会研究解决。", category, place, by == a["grid"] ? "独居老人（无智能手机）" : null);
            topic.Add(by, at, submitted);
            switch (i % 7)
            {
                case 0:
                    topic.Add(a["clerk"], at.AddDays(1), item.Decline(a["clerk"], "属于个人事务，已电话说明，建议向物业反映。"));
                    break;
                case 1 when previous is not null:
                    topic.Add(a["clerk"], at.AddDays(1), item.Merge(a["clerk"], previous, "与前一议题重复，合并办理。"));
                    break;
                case 2 or 3 or 4 or 1:
                    var department = i % 9 == 4 ? water : works;
                    var escalationId = AgendaItemGrain.EscalationIdOf(id);
                    topic.Add(a["clerk"], at.AddDays(1), item.Route(a["clerk"], department.Name, "需要职能部门办理", escalationId));
                    Escalate(log, councilId, a, item, department, escalationId, at.AddDays(1), i, now);
                    break;
                default:
                    Decide(topic, item, a, at, i, now);
                    break;
            }
            log.Catalogue(AgendaItemGrain.CatalogueRowOf(item, topic.LastAt));
            log.Add(topic.Id, topic.Events);
            previous = id;
        }
        for (var i = 0; start.AddDays(i * 2.5 + 6) < now.AddDays(-1); i++)
            Request(log, councilId, a, services, group, start.AddDays(i * 2.5).AddHours(8 + i % 9), i, now);
    }

    /// <summary>Most answered in time and done; one in eleven never answered; every fifth rated poorly and sent back.</summary>
    private static void Escalate(DemoLog log, string councilId, IReadOnlyDictionary<string, Actor> a, AgendaItem item, Department department,
        string escalationId, DateTimeOffset at, int i, DateTimeOffset now)
    {
        var stream = new Stream<EscalationEvent>($"{EscalationGrain.Category}-{escalationId}");
        var (escalation, escalated) = Escalation.Escalate(a["clerk"], at, escalationId, councilId,
            new EscalatedMatter(item.Id, item.Title, item.Text, item.Place, item.SubmittedBy), department, "请派人现场查看并处理，办结后反馈。",
            72, CouncilTime.Today(at, Zone).AddDays(15), Zone);
        stream.Add(a["clerk"], at, escalated);
        var submitter = a.Values.First(x => x.UserId == item.SubmittedBy);
        var officer = department.Accounts.Count > 0 ? a.Values.First(x => x.UserId == department.Accounts[0]) : null;
        void Clock(DateTimeOffset when)
        {
            if (when >= now) return;
            var noticed = escalation.NoticeOverdue(when);
            stream.Add(EscalationGrain.ProcessActor, when, [.. noticed, .. escalation.RemindDepartment(noticed)]);
        }
        if (officer is null)
        {
            Clock(escalation.RespondBy.AddMinutes(1));
            Clock(escalation.DueBy.AddMinutes(1));
        }
        else
        {
            var late = i % 6 == 3;
            var received = at.AddHours(late ? 80 : 20 + i % 30);
            if (late) Clock(escalation.RespondBy.AddMinutes(1));
            if (received < now) stream.Add(officer, received, escalation.Receive(officer, department, "已签收，安排人员现场查看。"));
            var done = at.AddDays(late ? 18 : 6 + i % 7);
            if (late) Clock(escalation.DueBy.AddMinutes(1));
            if (done < now)
            {
                stream.Add(officer, done, escalation.Complete(officer, department, "已派人处理完毕，现场拍照存档。"));
                var rated = done.AddDays(2);
                var poor = i % 5 == 2;
                if (rated < now) stream.Add(submitter, rated, escalation.Rate(submitter, poor ? 2 : 4 + i % 2, poor ? "只处理了一半，问题还在。" : "处理及时，谢谢。"));
                if (poor && rated.AddDays(1) < now)
                {
                    var reopened = rated.AddDays(1);
                    stream.Add(a["clerk"], reopened, escalation.Reopen(a["clerk"], reopened, "群众评价不满意，退回重办。", CouncilTime.Today(reopened, Zone).AddDays(10)));
                    if (reopened.AddDays(5) < now)
                    {
                        stream.Add(officer, reopened.AddDays(5), escalation.Complete(officer, department, "重新施工，已彻底解决。"));
                        if (reopened.AddDays(7) < now) stream.Add(submitter, reopened.AddDays(7), escalation.Rate(submitter, 4, "这次修好了。"));
                    }
                }
            }
        }
        log.Catalogue(EscalationGrain.CatalogueRowOf(escalation, stream.LastAt));
        log.Add(stream.Id, stream.Events);
    }

    /// <summary>Through the village template to a disclosed result, when there was time; every fourth rejected by the vote.</summary>
    private static void Decide(Stream<AgendaItemEvent> topic, AgendaItem item, IReadOnlyDictionary<string, Actor> a, DateTimeOffset at, int i,
        DateTimeOffset now)
    {
        var (clerk, chair) = (a["clerk"], a["chair"]);
        var steps = new List<(double Days, Actor By, Func<IReadOnlyList<AgendaItemEvent>> Step)>
        {
            (1, clerk, () => item.Accept(clerk, Village, null)),
            (2, clerk, () => item.RecordProposal(clerk, item.Text, ["同意", "不同意"], "居民议题")),
            (2, clerk, () => item.CompleteStep(clerk)),
            (7, clerk, () => item.RecordConsultation(clerk, null, "两委会讨论后同意提交审议。")),
            (7, clerk, () => item.CompleteStep(clerk)),
        };
        if (i % 4 == 1)
            steps.Add((12, chair, () => item.RecordResolution(chair, DecisionRuleCatalog.Find("party-members-deliberation"),
                Tally.Create(new(3, 3), new(3, 3), new(1, 1), new(2, 2), new(0, 0)), null)));
        else
            steps.AddRange(
            [
                (12, chair, () => item.RecordResolution(chair, DecisionRuleCatalog.Find("party-members-deliberation"),
                    Tally.Create(new(3, 3), new(3, 3), new(3, 3), new(0, 0), new(0, 0)), null)),
                (16, chair, () => item.RecordResolution(chair, DecisionRuleCatalog.Find("villager-representatives"),
                    Tally.Create(new(5, 5), new(5, 5), new(4, 4), new(1, 1), new(0, 0)), null)),
                (17, clerk, () => item.Disclose(clerk, at.AddDays(17), 7)),
                (24.5, clerk, () => item.EndNotice(clerk, at.AddDays(24.5))),
                (25, clerk, () => item.AssignImplementation(clerk, "村两委 Village committees", CouncilTime.Today(at.AddDays(60), Zone))),
                (40, clerk, () => item.CompleteImplementation(clerk, "已按决议实施完毕。")),
                (41, clerk, () => item.DiscloseResult(clerk, "实施结果已公开，欢迎评价。")),
                (43, a["resident"], () => item.Rate(a["resident"], 4 + i % 2)),
                (44, a["member1"], () => item.Rate(a["member1"], 3 + i % 3)),
                (50, clerk, () => item.Close(clerk, "评价期结束")),
            ]);
        foreach (var (days, by, step) in steps)
        {
            if (at.AddDays(days) >= now) return;
            topic.Add(by, at.AddDays(days), step());
        }
    }

    /// <summary>Dispatched to the party volunteers or taken by a volunteer, done and rated; every ninth left waiting past its day.</summary>
    private static void Request(DemoLog log, string councilId, IReadOnlyDictionary<string, Actor> a, CouncilServicesView services,
        VolunteerGroup group, DateTimeOffset at, int i, DateTimeOffset now)
    {
        var (title, category) = Requests[i % Requests.Length];
        var id = $"req-hist-{i:D3}";
        var stream = new Stream<SmallRequestEvent>($"{SmallRequestGrain.Category}-{id}");
        var poster = i % 3 == 0 ? a["grid"] : a["resident"];
        var (request, posted) = SmallRequest.Post(poster, at, id, councilId, title, "", category, services.RequestCategories, "湖边村",
            CouncilTime.Today(at, Zone).AddDays(5), poster == a["grid"] ? "王奶奶（独居）" : null, Zone);
        stream.Add(poster, at, posted);
        var volunteer = i % 2 == 0 ? a["volunteer"] : a["member1"];
        if (i % 9 == 8)
        {
            if (request.DueBy < now) stream.Add(EscalationGrain.ProcessActor, request.DueBy.AddMinutes(1), request.NoticeOverdue(request.DueBy.AddMinutes(1)));
        }
        else
        {
            if (volunteer == a["member1"]) stream.Add(a["clerk"], at.AddHours(3), request.Dispatch(a["clerk"], group, null, "请党员志愿服务队认领"));
            stream.Add(volunteer, at.AddHours(6), request.Take(volunteer, group));
            var done = at.AddDays(1 + i % 4);
            if (done < now) stream.Add(volunteer, done, request.ReportDone(volunteer, "已完成，老人很满意。"));
            if (done.AddDays(1) < now) stream.Add(poster, done.AddDays(1), request.Confirm(poster, i % 7 == 5 ? 3 : 5, "谢谢志愿者！"));
        }
        log.Catalogue(SmallRequestGrain.CatalogueRowOf(request, stream.LastAt));
        log.Add(stream.Id, stream.Events);
    }

    /// <summary>One stream's events as they are gathered, each with its actor and (past) time.</summary>
    private sealed class Stream<TEvent>(string id) where TEvent : class
    {
        public string Id { get; } = id;
        public List<Runtime.EventLog.PendingEvent> Events { get; } = [];
        public DateTimeOffset LastAt { get; private set; }

        public void Add(Actor by, DateTimeOffset at, IReadOnlyList<TEvent> events) => Add(by.UserId, at, events);

        public void Add(string actor, DateTimeOffset at, IReadOnlyList<TEvent> events)
        {
            if (events.Count == 0) return;
            LastAt = at;
            Events.AddRange(events.Select(e => EventCodec<TEvent>.Instance.Encode(e, actor, at)));
        }
    }
}
