using System.Diagnostics;
using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Escalations;
using Deliberation.Domain.Process;
using Deliberation.Domain.Requests;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Demo;
using Deliberation.Web.Escalations;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;
using Deliberation.Web.Requests;

namespace Deliberation.Bench.Figures;

/// <summary>
/// Years of one council's work and one month of a county's councils, written straight into the event log (in time
/// order, in chunks) through the domain's commands and event types, then the read side built from it. The app is not
/// running: start it on the same file afterwards (bench/figures.sh does) and it seeds the demo council's people on top.
/// Usage: Deliberation.Bench.Figures &lt;sqlite file&gt; [years=5] [councils=200] [topics=20000] [escalations=5000] [requests=escalations]
/// (the small requests are the demo council's: nine in ten taken, done and confirmed by one volunteer, the rest left open).
/// Prints the month the county was given and how long the writing and the read side took.
/// </summary>
public static class FiguresBench
{
    private static readonly ProcessTemplate Village = ProcessTemplateCatalog.Latest("siyi-liang-gongkai");
    private static readonly Actor Clerk = new("bench-clerk", [new RoleGrant(CouncilRole.Clerk, null, 1)]);
    private static readonly Actor Chair = new("bench-chair", [new RoleGrant(CouncilRole.Chair, null, 1)]);
    private static readonly Actor Resident = new("bench-resident", [new RoleGrant(CouncilRole.Resident, null, 1)]);
    private static readonly Actor Officer = new("bench-officer", []);
    private static readonly Actor Volunteer = new("bench-volunteer", [new RoleGrant(CouncilRole.Volunteer, null, 1)]);
    private static readonly string[] RequestCategories = ["维修 Repairs", "陪护 Company", "代办 Errands"];
    private static readonly Department Works = new("town-works", "镇城建办 Town Works Office", "", ["bench-officer"]);
    private static readonly string[] Categories = ["道路", "环境卫生", "公共设施", "养老服务", "安全", "交通"];

    public static async Task Main(string[] args)
    {
        var file = args[0];
        var years = int.Parse(args.ElementAtOrDefault(1) ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var councils = int.Parse(args.ElementAtOrDefault(2) ?? "200", System.Globalization.CultureInfo.InvariantCulture);
        var topics = int.Parse(args.ElementAtOrDefault(3) ?? "20000", System.Globalization.CultureInfo.InvariantCulture);
        var escalations = int.Parse(args.ElementAtOrDefault(4) ?? "5000", System.Globalization.CultureInfo.InvariantCulture);
        var requests = int.Parse(args.ElementAtOrDefault(5) ?? escalations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.CultureInfo.InvariantCulture);
        var options = new EventLogOptions { Provider = "sqlite", ConnectionString = $"Data Source={file}" };
        var log = EventLogFactory.Create(options);
        var now = DateTimeOffset.UtcNow;
        var months = years * 12;
        // The last whole month before this one: every council has it, so the county sums 200 full months.
        var local = CouncilTime.InZone(now, CouncilTime.DefaultZoneId);
        var first = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset).AddMonths(-months);
        var countyMonth = first.AddMonths(months - 1);
        var clock = Stopwatch.StartNew();
        var written = 0;

        var history = new DemoLog();
        var routeEvery = Math.Max(1, topics / Math.Max(1, escalations));
        for (var n = 0; n < topics; n++)
            Topic(history, "lakeside", $"item-b-{n:D6}", first.AddMinutes((double)n / topics * months * 30 * 24 * 60), n, n % routeEvery == 2 % routeEvery);
        for (var n = 0; n < requests; n++)
            Request(history, "lakeside", $"req-b-{n:D6}", first.AddMinutes((double)n / requests * months * 30 * 24 * 60), n);
        written += history.Count;
        await history.WriteAsync(log, CancellationToken.None, 5000);
        Console.WriteLine($"lakeside: {topics} topics and {requests} small requests over {years} years, {written} events written in {clock.Elapsed.TotalSeconds:F1} s");

        var perMonthTopics = topics / months;
        for (var c = 1; c < councils; c++)
        {
            var county = new DemoLog();
            var council = $"county-{c:D3}";
            for (var n = 0; n < perMonthTopics; n++)
                Topic(county, council, $"item-{council}-{n:D5}", countyMonth.AddMinutes((double)n / perMonthTopics * 27 * 24 * 60), n,
                    n % routeEvery == 2 % routeEvery);
            written += county.Count;
            await county.WriteAsync(log, CancellationToken.None, 5000);
        }
        Console.WriteLine($"county: {councils} councils in {countyMonth:yyyy-MM}, {written} events in all, written in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        await using var runner = new ProjectionRunner(options, ReadSideSetup.Projections());
        await runner.EnsureSchemaAsync();
        foreach (var name in runner.Names)
        {
            var one = Stopwatch.StartNew();
            await runner.CatchUpAsync(name);
            Console.WriteLine($"projection {name}: built in {one.Elapsed.TotalSeconds:F1} s");
        }
        Console.WriteLine($"read side built in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"COUNTY_MONTH={countyMonth:yyyy-MM}");
        if (log is IAsyncDisposable disposable) await disposable.DisposeAsync();
    }

    /// <summary>A topic, and its escalation when it is routed: the same commands the grains run, with past times.</summary>
    private static void Topic(DemoLog log, string council, string id, DateTimeOffset at, int n, bool routed)
    {
        var events = new List<PendingEvent>();
        void Add<T>(Actor by, DateTimeOffset when, IReadOnlyList<T> raised) where T : class =>
            events.AddRange(raised.Select(e => EventCodec<T>.Instance.Encode(e, by.UserId, when)));
        var (item, submitted) = AgendaItem.Submit(Resident, id, council, $"议题 {n}：路灯、排水或道路", "请议事会研究解决。",
            Categories[n % Categories.Length], "村内", null);
        Add(Resident, at, submitted);
        if (routed)
        {
            var escalationId = AgendaItemGrain.EscalationIdOf(id);
            Add(Clerk, at.AddDays(1), item.Route(Clerk, Works.Name, "需要职能部门办理", escalationId));
            Escalation(log, council, item, escalationId, at.AddDays(1), n);
        }
        else if (n % 12 == 0) Add(Clerk, at.AddDays(1), item.Decline(Clerk, "个人事务"));
        else if (n % 12 == 1) Add(Clerk, at.AddDays(1), item.Merge(Clerk, $"item-b-{Math.Max(0, n - 1):D6}", "重复"));
        else
        {
            Add(Clerk, at.AddDays(1), item.Accept(Clerk, Village, null));
            if (n % 3 == 0)
            {
                Add(Clerk, at.AddDays(2), item.RecordProposal(Clerk, item.Text, ["同意", "不同意"], "居民议题"));
                Add(Clerk, at.AddDays(2), item.CompleteStep(Clerk));
                Add(Clerk, at.AddDays(7), item.RecordConsultation(Clerk, null, "同意提交审议。"));
                Add(Clerk, at.AddDays(7), item.CompleteStep(Clerk));
                Add(Chair, at.AddDays(12), item.RecordResolution(Chair, DecisionRuleCatalog.Find("party-members-deliberation"),
                    Tally.Create(new(3, 3), new(3, 3), new(3, 3), new(0, 0), new(0, 0)), null));
                Add(Chair, at.AddDays(16), item.RecordResolution(Chair, DecisionRuleCatalog.Find("villager-representatives"),
                    Tally.Create(new(5, 5), new(5, 5), new(4, 4), new(1, 1), new(0, 0)), null));
                Add(Clerk, at.AddDays(17), item.Disclose(Clerk, at.AddDays(17), 7));
                Add(Clerk, at.AddDays(24.5), item.EndNotice(Clerk, at.AddDays(24.5)));
            }
        }
        log.Catalogue(AgendaItemGrain.CatalogueRowOf(item, events[^1].OccurredAt));
        log.Add($"{AgendaItemGrain.Category}-{id}", events);
    }

    private static void Escalation(DemoLog log, string council, AgendaItem item, string escalationId, DateTimeOffset at, int n)
    {
        var events = new List<PendingEvent>();
        void Add(Actor by, DateTimeOffset when, IReadOnlyList<EscalationEvent> raised) =>
            events.AddRange(raised.Select(e => EventCodec<EscalationEvent>.Instance.Encode(e, by.UserId, when)));
        var (escalation, escalated) = Domain.Escalations.Escalation.Escalate(Clerk, at, escalationId, council,
            new EscalatedMatter(item.Id, item.Title, item.Text, item.Place, item.SubmittedBy), Works, "请处理并反馈。", 72, CouncilTime.Today(at, CouncilTime.DefaultZoneId).AddDays(15));
        Add(Clerk, at, escalated);
        Add(Officer, at.AddHours(n % 5 == 0 ? 90 : 20), escalation.Receive(Officer, Works, "已签收"));
        Add(Officer, at.AddDays(n % 7 == 0 ? 20 : 6), escalation.Complete(Officer, Works, "已办结"));
        Add(Resident, at.AddDays(n % 7 == 0 ? 22 : 8), escalation.Rate(Resident, 1 + n % 5, null));
        log.Catalogue(EscalationGrain.CatalogueRowOf(escalation, events[^1].OccurredAt));
        log.Add($"{EscalationGrain.Category}-{escalationId}", events);
    }

    /// <summary>A small request: nine in ten taken by the bench's volunteer, done and confirmed; the tenth left open for anyone to take.</summary>
    private static void Request(DemoLog log, string council, string id, DateTimeOffset at, int n)
    {
        var events = new List<PendingEvent>();
        void Add(Actor by, DateTimeOffset when, IReadOnlyList<SmallRequestEvent> raised) =>
            events.AddRange(raised.Select(e => EventCodec<SmallRequestEvent>.Instance.Encode(e, by.UserId, when)));
        var (request, posted) = SmallRequest.Post(Resident, at, id, council, $"微心愿 {n}", "", RequestCategories[n % RequestCategories.Length],
            RequestCategories, "村内", CouncilTime.Today(at, CouncilTime.DefaultZoneId).AddDays(5), null);
        Add(Resident, at, posted);
        if (n % 10 != 9)
        {
            Add(Volunteer, at.AddHours(6), request.Take(Volunteer, null));
            Add(Volunteer, at.AddDays(2), request.ReportDone(Volunteer, "已完成"));
            Add(Resident, at.AddDays(3), request.Confirm(Resident, 5, null));
        }
        log.Catalogue(SmallRequestGrain.CatalogueRowOf(request, events[^1].OccurredAt));
        log.Add($"{SmallRequestGrain.Category}-{id}", events);
    }
}
