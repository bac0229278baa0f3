using System.Net;
using System.Text.Json;
using Deliberation.Domain.Requests;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Figures;

/// <summary>
/// A month of work done through the app, under the council's clock, and its figures worked out by hand: the rates, the
/// ratings, the days to result, a send-back counted as reopened; an event recorded for a past month said to be late.
/// </summary>
public sealed class FiguresTests
{
    private const string Council = "/api/councils/lakeside";

    [Fact]
    public async Task AMonthsFiguresAreTheOnesWorkedOutByHand()
    {
        using var app = new CouncilApp();
        await StartInAFreshMonthAsync(app);
        var month = MonthOf(app.Clock.GetUtcNow());
        var (resident, clerk, works, volunteer) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"),
            await app.SignedInAs("works"), await app.SignedInAs("volunteer"));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

        // Four topics: one declined, one accepted, two escalated to the works office (respond in 24 hours, done in 3 days).
        var t1 = await SubmitAsync(resident, "维修 Repairs");
        var t2 = await SubmitAsync(resident, "维修 Repairs");
        var t3 = await SubmitAsync(resident, "环境卫生 Cleaning up");
        var t4 = await SubmitAsync(resident, "环境卫生 Cleaning up");
        await (await clerk.Post($"{Council}/items/{t1}/decline", new { reason = "个人事务" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{Council}/items/{t2}/accept", new { })).Expect(HttpStatusCode.OK);
        foreach (var t in new[] { t3, t4 })
            await (await clerk.Post($"{Council}/items/{t}/route", new
            {
                department = "town-works", reason = "属城建办职责", request = "请处理", respondWithinHours = 24, dueOn = today.AddDays(3),
            })).Expect(HttpStatusCode.OK);
        // The first answered and done at once, rated 5.
        await (await works.Post($"{Council}/escalations/esc-{t3}/receive", new { response = "收到" })).Expect(HttpStatusCode.OK);
        await (await works.Post($"{Council}/escalations/esc-{t3}/complete", new { result = "已处理" })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{Council}/escalations/esc-{t3}/rate", new { score = 5 })).Expect(HttpStatusCode.OK);
        // Two small requests: one dispatched, taken, done and rated 4; one taken and not done yet.
        var r1 = await PostRequestAsync(app, resident);
        var r2 = await PostRequestAsync(app, resident);
        await (await clerk.Post($"{Council}/requests/{r1}/dispatch", new { groupId = "party-volunteers" })).Expect(HttpStatusCode.OK);
        await (await volunteer.Post($"{Council}/requests/{r1}/take")).Expect(HttpStatusCode.OK);
        await (await volunteer.Post($"{Council}/requests/{r2}/take")).Expect(HttpStatusCode.OK);
        await (await volunteer.Post($"{Council}/requests/{r1}/report-done", new { report = "好了" })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{Council}/requests/{r1}/confirm", new { score = 4 })).Expect(HttpStatusCode.OK);
        // The second escalation: received after two days (late), done after five (past its due date), rated 2 and sent back.
        app.Clock.Advance(TimeSpan.FromDays(2));
        works = await app.SignedInAs("works");
        await (await works.Post($"{Council}/escalations/esc-{t4}/receive", new { response = "收到" })).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(3));
        (works, resident, clerk) = (await app.SignedInAs("works"), await app.SignedInAs("resident"), await app.SignedInAs("clerk"));
        await (await works.Post($"{Council}/escalations/esc-{t4}/complete", new { result = "已处理" })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{Council}/escalations/esc-{t4}/rate", new { score = 2 })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{Council}/escalations/esc-{t4}/reopen", new { reason = "不满意", dueOn = today.AddDays(10) })).Expect(HttpStatusCode.OK);

        var figures = await (await clerk.GetAsync($"{Council}/figures?month={month}")).Expect(HttpStatusCode.OK);

        Assert.Equal(month, figures.GetProperty("month").GetString());
        Assert.Equal(4, Count(figures, "topics", "received"));
        Assert.Equal(1, Count(figures, "topics", "declined"));
        Assert.Equal(1, Count(figures, "topics", "accepted"));
        Assert.Equal(2, Count(figures, "topics", "escalated"));
        Assert.Equal(2, Count(figures, "requests", "received"));
        Assert.Equal(1, Count(figures, "requests", "dispatched"));
        Assert.Equal(2, Count(figures, "requests", "taken"));
        Assert.Equal(1, Count(figures, "requests", "done"));
        Assert.Equal(1, Count(figures, "escalations", "reopened"));
        // Answered in time: escalation 3 and both requests, of four (escalation 4 answered after its 24 hours).
        Assert.Equal(3.0 / 4, figures.GetProperty("responseRate").GetDouble(), 6);
        // Done by the due date: escalation 3 and request 1, of three rounds that were done or fell due.
        Assert.Equal(2.0 / 3, figures.GetProperty("completionRate").GetDouble(), 6);
        // Done and not sent back: three done, escalation 4 reopened.
        Assert.Equal(2.0 / 3, figures.GetProperty("resolutionRate").GetDouble(), 6);
        // Ratings 5, 4 and 2: two of three are 4-5; the mean is 11/3.
        Assert.Equal(3, figures.GetProperty("ratings").GetInt32());
        Assert.Equal(2.0 / 3, figures.GetProperty("satisfaction").GetDouble(), 6);
        Assert.Equal(11.0 / 3, figures.GetProperty("meanRating").GetDouble(), 6);
        // Days from submission to result: 0 (escalation 3), 0 (request 1), 5 (escalation 4); nearest rank.
        Assert.Equal(0, figures.GetProperty("medianDaysToResult").GetDouble(), 2);
        Assert.Equal(5, figures.GetProperty("p90DaysToResult").GetDouble(), 2);
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("medianDaysToDecision").ValueKind);
        Assert.Equal(0, figures.GetProperty("lateEvents").GetInt32());
    }

    [Fact]
    public async Task AnEventRecordedForAPastMonthCountsThereAndThePageSaysItCameLate()
    {
        using var app = new CouncilApp();
        var (resident, clerk) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"));
        await PostRequestAsync(app, resident); // the council's log is in this month now
        var lastMonth = app.Clock.GetUtcNow().AddDays(-40);
        var before = await (await clerk.GetAsync($"{Council}/figures?month={MonthOf(lastMonth)}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, Count(before, "requests", "received"));

        // Written as a paper form typed in weeks later would be: its own (past) time, recorded now.
        var (_, posted) = SmallRequest.Post(new Deliberation.Domain.Councils.Actor("someone",
            [new Deliberation.Domain.Councils.RoleGrant(Deliberation.Domain.Councils.CouncilRole.Resident, null, 1)]), lastMonth, "req-paper", "lakeside",
            "代买药品", "", "代购代办 Errands", ["代购代办 Errands"], "湖边村", DateOnly.FromDateTime(lastMonth.UtcDateTime).AddDays(3), null);
        await app.Services.GetRequiredService<IEventLog>().AppendAsync(new StreamAppend("small-request-req-paper", 0,
            posted.Select(e => EventCodec<SmallRequestEvent>.Instance.Encode(e, "someone", lastMonth)).ToList(), null));

        var after = await (await clerk.GetAsync($"{Council}/figures?month={MonthOf(lastMonth)}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, Count(after, "requests", "received"));
        Assert.Equal(1, after.GetProperty("lateEvents").GetInt32());
        Assert.Contains("月份结束后才补录", await clerk.GetStringAsync($"/councils/lakeside/figures?month={MonthOf(lastMonth)}"));
    }

    [Fact]
    public async Task TheDashboardDrawsItsChartsWithoutScriptAndThePublicPageShowsOnlyDisclosedMatters()
    {
        using var app = new CouncilApp();
        var clerk = await app.SignedInAs("clerk");

        var page = await clerk.GetStringAsync("/councils/lakeside/figures");
        Assert.Contains("<svg role=\"img\"", page);
        Assert.Contains("<desc id=", page);
        Assert.Contains("class=\"figures-table\"", page);
        Assert.DoesNotContain("<script", page);
        Assert.Contains("/councils/lakeside/figures", await clerk.GetStringAsync("/councils/lakeside"));

        var visitor = app.Visitor();
        var open = await visitor.GetAsync("/councils/lakeside/figures/public");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("<svg role=\"img\"", await open.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync("/councils/lakeside/figures")).StatusCode);
        var admin = await app.SignedInAs("admin");
        Assert.Contains("<svg role=\"img\"", await admin.GetStringAsync("/figures/county"));
        var county = await (await admin.GetAsync("/api/figures/county")).Expect(HttpStatusCode.OK);
        Assert.Contains(county.GetProperty("councils").EnumerateArray(), c => c.GetProperty("council").GetString() == "lakeside");
    }

    /// <summary>
    /// The demo council is seeded at the first start with a history up to that moment; the council's clock then moves
    /// to the second of the next month, which therefore holds only what the test does.
    /// </summary>
    private static async Task StartInAFreshMonthAsync(CouncilApp app)
    {
        await app.SignedInAs("clerk");
        var local = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var next = new DateTimeOffset(local.Year, local.Month, 2, 9, 0, 0, TimeSpan.FromHours(8)).AddMonths(1);
        app.Clock.Advance(next - local);
    }

    private static string MonthOf(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static long Count(JsonElement figures, string kind, string fact) => figures.GetProperty(kind).GetProperty(fact).GetInt64();

    private static async Task<string> SubmitAsync(HttpClient resident, string category) =>
        (await (await resident.Post($"{Council}/items", new { title = "路面破损", text = "请修", category, place = "村口" }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<string> PostRequestAsync(CouncilApp app, HttpClient resident) =>
        (await (await resident.Post($"{Council}/requests", new
        {
            title = "帮忙换灯泡", details = "", category = "维修 Repairs", place = "3组12号",
            neededBy = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2),
        })).Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!;
}
