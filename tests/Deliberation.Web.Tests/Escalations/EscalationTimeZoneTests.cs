using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Escalations;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.Hosting;
using Deliberation.Web.Tests.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Escalations;

/// <summary>
/// A council that keeps New York time: its escalation raised at 23:30 on the last day of a month is that month's in the
/// ledger and the figures (in China it is already the next month), its letter and ledger tell New York times and name
/// the zone, and its due date ends at midnight in New York: not overdue at 23:30 that day, overdue just after midnight.
/// A small request posted then may be needed that same day, New York's today.
/// </summary>
public sealed class EscalationTimeZoneTests
{
    private const string Council = "/api/councils/lakeside";
    private const string NewYork = "America/New_York";

    [Fact]
    public async Task AnEscalationInANewYorkCouncilKeepsNewYorksDaysMonthsAndTimes()
    {
        using var app = new CouncilApp().WithRemindersOnTestClock();
        var clerk = await app.SignedInAs("clerk");
        await (await clerk.Post($"{Council}/meeting-practice", new { timeZoneId = NewYork, reason = "海外议事会" })).Expect(HttpStatusCode.OK);
        var (lastDay, raisedAt) = LastEveningOfAMonth(app.Clock.GetUtcNow());
        var (month, nextMonth) = (lastDay.ToString("yyyy-MM", CultureInfo.InvariantCulture), lastDay.AddDays(1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var figuresBefore = await FiguresAsync(clerk, month);
        var nextBefore = await FiguresAsync(clerk, nextMonth);

        app.Clock.Advance(raisedAt - app.Clock.GetUtcNow());
        var (resident, works) = (await app.SignedInAs("resident"), await app.SignedInAs("works"));
        clerk = await app.SignedInAs("clerk");
        var item = await EscalationJourneyTests.SubmitAsync(resident);
        var dueOn = lastDay.AddDays(2);
        await (await clerk.Post($"{Council}/items/{item}/route", new
        {
            department = "town-works", reason = "属城建办职责", request = "请修复", respondWithinHours = 24, dueOn,
        })).Expect(HttpStatusCode.OK);
        var escalation = $"esc-{item}";
        // A small request needed today, New York's today (in China that day is over already).
        await (await resident.Post($"{Council}/requests", new
        {
            title = "帮忙换灯泡", details = "", category = "维修 Repairs", place = "3组12号", neededBy = lastDay,
        })).Expect(HttpStatusCode.Created);

        // The letter: New York's year, times and the zone's name.
        var view = await (await clerk.GetAsync($"{Council}/escalations/{escalation}")).Expect(HttpStatusCode.OK);
        Assert.StartsWith($"{lastDay.Year}-", view.GetProperty("referenceNo").GetString());
        var letter = await clerk.GetStringAsync($"/councils/lakeside/escalations/{escalation}/letter");
        Assert.Contains($"{lastDay:yyyy-MM-dd} 23:30 ({NewYork})", letter);
        Assert.Contains($"{lastDay.AddDays(1):yyyy-MM-dd} 23:30 ({NewYork})", letter); // respond by, 24 hours on

        // The ledger and the figures: that month's, not the next one's.
        Assert.Contains(escalation, LedgerIds(await (await clerk.GetAsync($"{Council}/ledger?month={month}&size=200")).Expect(HttpStatusCode.OK)));
        Assert.DoesNotContain(escalation, LedgerIds(await (await clerk.GetAsync($"{Council}/ledger?month={nextMonth}&size=200")).Expect(HttpStatusCode.OK)));
        var ledgerPage = Html.Parse(await clerk.GetStringAsync($"/councils/lakeside/ledger?month={month}&size=200"));
        Assert.Contains($"({NewYork})", ledgerPage.QuerySelector("p.meta[data-lines]")!.TextContent);
        Assert.Equal($"{lastDay:yyyy-MM-dd}", ledgerPage.QuerySelectorAll($"tr[data-entry='{escalation}'] td")[4].TextContent.Trim());
        var csv = LedgerTests.Parse(new UTF8Encoding(false).GetString((await clerk.GetByteArrayAsync($"/councils/lakeside/ledger.csv?month={month}"))[3..]));
        var line = Assert.Single(csv, r => r[0] == view.GetProperty("referenceNo").GetString());
        Assert.Equal($"{lastDay:yyyy-MM-dd} 23:30", line[4]);
        Assert.Equal(NewYork, line[^1]);
        var figures = await FiguresAsync(clerk, month);
        var next = await FiguresAsync(clerk, nextMonth);
        Assert.Equal(Count(figuresBefore, "escalations", "sent") + 1, Count(figures, "escalations", "sent"));
        Assert.Equal(Count(figuresBefore, "topics", "received") + 1, Count(figures, "topics", "received"));
        Assert.Equal(Count(figuresBefore, "requests", "received") + 1, Count(figures, "requests", "received"));
        Assert.Equal(Count(nextBefore, "escalations", "sent"), Count(next, "escalations", "sent"));
        Assert.Equal(Count(nextBefore, "requests", "received"), Count(next, "requests", "received"));

        // Received at once: from now on only the due date can turn it overdue.
        using var reminders = new ReminderProbe(escalation);
        await (await works.Post($"{Council}/escalations/{escalation}/receive", new { response = "已签收" })).Expect(HttpStatusCode.OK);
        await reminders.ArmedAsync();

        app.Clock.Advance(InNewYork(dueOn, 23, 30) - app.Clock.GetUtcNow());
        clerk = await app.SignedInAs("clerk");
        Assert.False((await (await clerk.GetAsync($"{Council}/escalations/{escalation}")).Expect(HttpStatusCode.OK)).GetProperty("overdue").GetBoolean());
        Assert.False(LedgerLine(await (await clerk.GetAsync($"{Council}/ledger?month={month}&size=200")).Expect(HttpStatusCode.OK), escalation)
            .GetProperty("overdueNow").GetBoolean());

        app.Clock.Advance(InNewYork(dueOn.AddDays(1), 0, 1) - app.Clock.GetUtcNow());
        await reminders.TickedAsync();
        clerk = await app.SignedInAs("clerk");
        Assert.True((await (await clerk.GetAsync($"{Council}/escalations/{escalation}")).Expect(HttpStatusCode.OK)).GetProperty("overdue").GetBoolean());
        Assert.True(LedgerLine(await (await clerk.GetAsync($"{Council}/ledger?month={month}&size=200")).Expect(HttpStatusCode.OK), escalation)
            .GetProperty("overdueNow").GetBoolean());
    }

    [Fact]
    public async Task AnEscalationRecordedBeforeZonesWereKeepsChinaStandardTimeAfterTheCouncilChangesItsZone()
    {
        using var app = new CouncilApp();
        var clerk = await app.SignedInAs("clerk");
        await (await clerk.Post($"{Council}/meeting-practice", new { timeZoneId = NewYork, reason = "海外议事会" })).Expect(HttpStatusCode.OK);
        var now = app.Clock.GetUtcNow();
        var dueOn = CouncilTime.Today(now, CouncilTime.DefaultZoneId).AddDays(3);
        // As an older version wrote it: no zone in the payload.
        var whistle = new Escalated("esc-old-1", "lakeside", "2026-OLD1", "item-old-1", "村口路灯不亮", "很黑", "村口",
            "u-nobody", "town-works", "镇城建办 Town Works Office", "请修复", 24, now.AddHours(24), dueOn);
        var payload = JsonNode.Parse(EventCodec<EscalationEvent>.Instance.Encode(whistle, "clerk", now).Payload)!.AsObject();
        Assert.True(payload.Remove("timeZoneId"));
        await app.Services.GetRequiredService<IEventLog>().AppendAsync(new StreamAppend("escalation-esc-old-1", 0,
            [new PendingEvent(nameof(Escalated), "clerk", now, payload.ToJsonString())], null));

        var view = await (await clerk.GetAsync($"{Council}/escalations/esc-old-1")).Expect(HttpStatusCode.OK);
        Assert.Equal(CouncilTime.DefaultZoneId, view.GetProperty("timeZoneId").GetString());
        var letter = await clerk.GetStringAsync("/councils/lakeside/escalations/esc-old-1/letter");
        Assert.Contains($"{CouncilTime.InZone(now, CouncilTime.DefaultZoneId):yyyy-MM-dd HH:mm} (北京时间)", letter);
        Assert.DoesNotContain(NewYork, letter);
    }

    /// <summary>23:30 in New York on the last day of this month there (or the next month's, when that has passed).</summary>
    private static (DateOnly Day, DateTimeOffset At) LastEveningOfAMonth(DateTimeOffset now)
    {
        var local = DateOnly.FromDateTime(CouncilTime.InZone(now, NewYork).DateTime);
        var last = new DateOnly(local.Year, local.Month, 1).AddMonths(1).AddDays(-1);
        if (InNewYork(last, 23, 30) <= now.AddMinutes(5)) last = new DateOnly(local.Year, local.Month, 1).AddMonths(2).AddDays(-1);
        return (last, InNewYork(last, 23, 30));
    }

    private static DateTimeOffset InNewYork(DateOnly day, int hour, int minute) =>
        CouncilTime.FromLocal(day.ToDateTime(new TimeOnly(hour, minute)), NewYork);

    private static async Task<JsonElement> FiguresAsync(HttpClient clerk, string month) =>
        await (await clerk.GetAsync($"{Council}/figures?month={month}")).Expect(HttpStatusCode.OK);

    private static long Count(JsonElement figures, string kind, string fact) => figures.GetProperty(kind).GetProperty(fact).GetInt64();

    private static List<string?> LedgerIds(JsonElement ledger) =>
        ledger.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry").GetProperty("id").GetString()).ToList();

    private static JsonElement LedgerLine(JsonElement ledger, string id) =>
        ledger.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("entry").GetProperty("id").GetString() == id);
}
