using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Meetings;
using Deliberation.Domain.Minutes;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Grains;
using Deliberation.Web.Meetings;
using Deliberation.Web.Minutes;
using Orleans;
using MinutesRecord = Deliberation.Domain.Minutes.Minutes;

namespace Deliberation.Web.Demo;

/// <summary>
/// The demo's past meeting: the villager representatives' meeting eight days ago that decided where the sorting kiosks
/// go (the kiosks item records its resolution there), with its roll call, a proxy, a named ballot, and its minutes
/// written, approved by the chair and published. Every step goes through the domain as it would live; the events go to
/// the log with their own past times, as the demo items' do.
/// </summary>
public sealed class DemoPastMeeting(IGrainFactory grains, IEventLog log, TimeProvider clock)
{
    public const string MeetingId = "meeting-demo-past";
    private const string BallotId = "ballot-demo-past";
    private const string BodyId = "villager-representatives";

    public async Task SeedAsync(string councilId, IReadOnlyDictionary<string, string> people, CancellationToken ct)
    {
        var council = grains.GetGrain<ICouncilGrain>(councilId);
        var a = new Dictionary<string, Actor>();
        foreach (var name in new[] { "clerk", "chair", "member1", "member2", "member3", "member4" }) a[name] = await council.GetActorAsync(people[name]);
        var holders = await council.GetRoleHoldersAsync();
        var roll = holders.Where(h => h.Role == CouncilRole.Member && h.Body == BodyId)
            .Select(h => new RoleHolder(h.UserId, h.DisplayName, h.Role, h.Body, h.Weight)).ToList();
        var body = (await council.GetAsync())!.Bodies.Single(b => b.Id == BodyId);
        var rule = DecisionRuleCatalog.Find(body.DecisionRuleId);
        // The kiosks item records the representatives' resolution at this time (DemoItems): the meeting is around it.
        var decided = clock.GetUtcNow().AddDays(-8);
        var startsAt = decided.AddMinutes(-90);

        var meetingLog = new List<(MeetingEvent Event, Actor By, DateTimeOffset At)>();
        void M(IEnumerable<MeetingEvent> events, Actor by, DateTimeOffset at) => meetingLog.AddRange(events.Select(e => (e, by, at)));
        var (meeting, scheduled) = Meeting.Schedule(a["clerk"], startsAt.AddDays(-7), MeetingId, councilId, BodyId, "村民代表会议（第 11 次）",
            startsAt, "湖边议事厅 Lakeside Hall", ["item-demo-kiosks"]);
        M(scheduled, a["clerk"], startsAt.AddDays(-7));
        M(meeting.Open(a["chair"]), a["chair"], startsAt);
        foreach (var name in new[] { "chair", "member1", "member2" })
            M(meeting.RecordAttendance(a["chair"], people[name], Attendance.Present, null, roll), a["chair"], startsAt.AddMinutes(2));
        M(meeting.RecordAttendance(a["chair"], people["member4"], Attendance.Excused, null, roll), a["chair"], startsAt.AddMinutes(2));
        M(meeting.RecordAttendance(a["chair"], people["member3"], Attendance.Proxy, people["member4"], roll), a["chair"], startsAt.AddMinutes(3));
        M(meeting.TakeUp(a["chair"], "item-demo-kiosks"), a["chair"], startsAt.AddMinutes(5));
        M(meeting.HoldBallot(a["chair"], BallotId, "item-demo-kiosks", false), a["chair"], startsAt.AddMinutes(40));

        var ballotLog = new List<(BallotEvent Event, Actor By, DateTimeOffset At)>();
        void B(IEnumerable<BallotEvent> events, Actor by, DateTimeOffset at) => ballotLog.AddRange(events.Select(e => (e, by, at)));
        var (ballot, opened) = Ballot.Open(a["chair"], BallotId, councilId, MeetingId, "item-demo-kiosks", BodyId, rule,
            new Count(roll.Count, roll.Sum(m => m.Weight)), meeting.Voters(roll), BallotTerms.Motion(new BallotPractice(body.VotesMayChange, body.ProxiesCountTowardQuorum)));
        B(opened, a["chair"], startsAt.AddMinutes(40));
        var vote = 0;
        foreach (var (name, voter, choice) in new[] { ("chair", (string?)null, VoteChoice.For), ("member1", null, VoteChoice.For),
                     ("member2", null, VoteChoice.For), ("member3", null, VoteChoice.For), ("member3", people["member4"], VoteChoice.Against) })
            B(ballot.Cast(a[name], voter, choice, $"demo-{++vote}"), a[name], startsAt.AddMinutes(42 + vote));
        B(ballot.Close(a["chair"], rule), a["chair"], startsAt.AddMinutes(60));
        M(meeting.Close(a["chair"]), a["chair"], decided.AddMinutes(15));

        var draft = MinutesDrafting.Draft(new MinutesSources(
            meetingLog.Select(m => new Timed<MeetingEvent>(m.Event, m.At)).ToList(),
            new MinutesBody(body.Id, new LocalizedText(body.NameZh, body.NameEn), body.DecisionRuleId, body.ProxiesCountTowardQuorum), roll,
            [ballotLog.Select(b => b.Event).ToList()],
            new Dictionary<string, IReadOnlyList<Timed<AgendaItemEvent>>> { ["item-demo-kiosks"] = await ItemEventsAsync(ct) },
            holders.GroupBy(h => h.UserId).ToDictionary(g => g.Key, g => g.First().DisplayName)));

        var minutesLog = new List<(MinutesEvent Event, Actor By, DateTimeOffset At)>();
        void N(IEnumerable<MinutesEvent> events, Actor by, DateTimeOffset at) => minutesLog.AddRange(events.Select(e => (e, by, at)));
        var (minutes, started) = MinutesRecord.Start(MeetingId, councilId, BodyId, MinutesApproval.Chair);
        N(started, a["clerk"], decided.AddHours(1));
        N(minutes.WriteDiscussion(a["clerk"], Discussion), a["clerk"], decided.AddHours(1));
        N(minutes.ApproveByChair(a["chair"], meetingClosed: true), a["chair"], decided.AddDays(1));
        var publishedAt = decided.AddDays(1).AddHours(1);
        N(minutes.Publish(a["clerk"], publishedAt, draft, null), a["clerk"], publishedAt);

        await log.AppendAsync(new StreamAppend($"{MeetingGrain.Category}-{MeetingId}", 0,
            meetingLog.Select(m => EventCodec<MeetingEvent>.Instance.Encode(m.Event, m.By.UserId, m.At)).ToList(),
            MeetingGrain.CatalogueRowOf(meeting, meetingLog[^1].At)), ct);
        await log.AppendAsync(new StreamAppend($"{BallotGrain.Category}-{BallotId}", 0,
            ballotLog.Select(b => EventCodec<BallotEvent>.Instance.Encode(b.Event, b.By.UserId, b.At)).ToList(),
            BallotGrain.CatalogueRowOf(ballot, ballotLog[^1].At)), ct);
        await log.AppendAsync(new StreamAppend($"{MinutesGrain.Category}-{MeetingId}", 0,
            minutesLog.Select(m => EventCodec<MinutesEvent>.Instance.Encode(m.Event, m.By.UserId, m.At)).ToList(),
            MinutesGrain.CatalogueRowOf(minutes, publishedAt)), ct);
    }

    private async Task<IReadOnlyList<Timed<AgendaItemEvent>>> ItemEventsAsync(CancellationToken ct) =>
        (await log.ReadStreamAsync($"{AgendaItems.AgendaItemGrain.Category}-item-demo-kiosks", 0, ct))
            .Select(e => new Timed<AgendaItemEvent>(EventCodec<AgendaItemEvent>.Instance.Decode(e), e.OccurredAt)).ToList();

    private const string Discussion = """
        ## 讨论情况

        王秘书介绍了 3 个垃圾分类亭的选址方案（村口、祠堂东侧、湖边停车场）。

        - 张代表：村口亭靠近小学，建议加盖密封，每日清运。
        - 陈代表（并代赵代表）：赵代表书面意见认为 2 号亭离住户太近，反对该选址。
        - 李主任：方案公示期间如有异议，按程序处理。

        会议以记名方式表决，4 票赞成、1 票反对，通过选址方案。
        """;
}
