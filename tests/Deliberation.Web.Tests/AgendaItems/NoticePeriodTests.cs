using System.Net;
using System.Text.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.AgendaItems;

/// <summary>
/// A disclosed resolution's notice period (公示期) ends by itself when it is due, with nobody pressing end-notice: the
/// council's process moves the item on, also after the site restarted, and not while an objection waits for the clerk.
/// </summary>
public sealed class NoticePeriodTests
{
    internal const string Items = "/api/councils/lakeside/items";
    internal static readonly TimeSpan PastTheNotice = TimeSpan.FromDays(8);

    [Fact]
    public async Task EndsByItselfWhenDueAndMovesTheItemOnAsTheCouncilsProcess()
    {
        using var app = new CouncilApp().WithRemindersOnTestClock();
        var item = await ResolvedItemAsync(app);
        using var reminders = new ReminderProbe(item[(Items.Length + 1)..]);
        await DiscloseAsync(app, item);
        await reminders.ArmedAsync();

        app.Clock.Advance(PastTheNotice);
        await reminders.TickedAsync();

        var seen = await (await app.Visitor().GetAsync(item)).Expect(HttpStatusCode.OK);
        Assert.Equal("implementation", seen.GetProperty("currentStep").GetProperty("id").GetString());
        var ended = Assert.Single(Timeline(seen), e => e.GetProperty("type").GetString() == "NoticePeriodEnded");
        Assert.Equal("system", ended.GetProperty("actor").GetString());
        var page = $"/councils/lakeside/items/{item[(Items.Length + 1)..]}";
        Assert.StartsWith("· 系统 ·", EndedBy(await app.Visitor().GetStringAsync(page), "公示期结束"));
        Assert.StartsWith("· System ·", EndedBy(await app.Visitor().GetStringAsync($"{page}?culture=en"), "Notice period ended"));
    }

    [Fact]
    public async Task EndsByItselfAfterTheSiteRestarted()
    {
        using var site = new CouncilApp(); // owns the database file; never started itself
        await EndsAfterARestartAsync(() => new CouncilApp().UseDatabaseOf(site));
    }

    [PostgresFact]
    public async Task EndsByItselfAfterTheSiteRestartedOnPostgreSql()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await EndsAfterARestartAsync(() => new CouncilApp().UsePostgres(database.ConnectionString));
    }

    private static async Task EndsAfterARestartAsync(Func<CouncilApp> site)
    {
        string item;
        using (var first = site().WithRemindersOnTestClock())
        {
            item = await ResolvedItemAsync(first);
            await DiscloseAsync(first, item);
        }
        using var reminders = new ReminderProbe(item[(Items.Length + 1)..]);
        using var second = site().WithRemindersOnTestClock();
        var visitor = second.Visitor(); // starts the site again: its reminders load from the database

        await reminders.ArmedAsync();
        second.Clock.Advance(PastTheNotice);
        await reminders.TickedAsync();

        var seen = await (await visitor.GetAsync(item)).Expect(HttpStatusCode.OK);
        Assert.Equal("implementation", seen.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.Contains(Timeline(seen), e => e.GetProperty("type").GetString() == "NoticePeriodEnded" && e.GetProperty("actor").GetString() == "system");
    }

    [Fact]
    public async Task WaitsForTheClerkToDecideAnObjectionPendingAtTheDueTime()
    {
        using var app = new CouncilApp().WithRemindersOnTestClock();
        var item = await ResolvedItemAsync(app);
        using var reminders = new ReminderProbe(item[(Items.Length + 1)..]);
        await DiscloseAsync(app, item);
        await reminders.ArmedAsync();
        await (await (await app.SignedInAs("resident")).Post($"{item}/object", new { text = "灯太亮" })).Expect(HttpStatusCode.OK);

        app.Clock.Advance(PastTheNotice);
        await reminders.TickedAsync();
        var held = await (await app.Visitor().GetAsync(item)).Expect(HttpStatusCode.OK);

        Assert.Equal("disclosure", held.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.DoesNotContain(Timeline(held), e => e.GetProperty("type").GetString() == "NoticePeriodEnded");

        var dismissed = await (await (await app.SignedInAs("clerk")).Post($"{item}/dismiss-objection", new { objectionNo = 1, reason = "灯有遮光罩" }))
            .Expect(HttpStatusCode.OK);

        // Decided, the objection holds it no longer: the process ends the notice in the same answer.
        Assert.Equal("implementation", dismissed.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.Equal(["ObjectionDismissed", "NoticePeriodEnded"], Timeline(dismissed)[^4..^2].Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("system", Timeline(dismissed)[^3].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task DismissingTheObjectionThatHeldTheNoticeEndsItInTheSameCommit()
    {
        using var app = new CouncilApp().WrapEventLog(log => new GatedEventLog(log));
        var log = (GatedEventLog)app.Services.GetRequiredService<IEventLog>();
        const string stream = "agenda-item-item-demo-kiosks";
        // The demo's kiosks item is in its notice period, held by a pending objection; its notice is now past due.
        app.Clock.Advance(PastTheNotice);
        var clerk = await app.SignedInAs("clerk");
        var appendsBefore = log.AppendsTo(stream);

        var dismissed = await (await clerk.Post($"{Items}/item-demo-kiosks/dismiss-objection", new { objectionNo = 1, reason = "选址已避开水井" }))
            .Expect(HttpStatusCode.OK);

        Assert.Equal(appendsBefore + 1, log.AppendsTo(stream));
        Assert.Equal("implementation", dismissed.GetProperty("currentStep").GetProperty("id").GetString());
        var types = Timeline(dismissed).Select(e => e.GetProperty("type").GetString()).ToList();
        var at = types.LastIndexOf("ObjectionDismissed");
        Assert.Equal("NoticePeriodEnded", types[at + 1]);
        var events = await log.ReadStreamAsync(stream);
        Assert.Equal(events.Single(e => e.EventType == "ObjectionDismissed").Sequence + 1, events.Single(e => e.EventType == "NoticePeriodEnded").Sequence);
    }

    [Fact]
    public async Task EndsAMinuteAfterASiteRestartedPastTheDueTime()
    {
        string item;
        using var site = new CouncilApp(); // owns the database file; never started itself
        using (var first = new CouncilApp().UseDatabaseOf(site).WithRemindersOnTestClock())
        {
            item = await ResolvedItemAsync(first);
            await DiscloseAsync(first, item);
        }
        using var reminders = new ReminderProbe(item[(Items.Length + 1)..]);
        using var second = new CouncilApp().UseDatabaseOf(site).WithRemindersOnTestClock();
        second.Clock.Advance(PastTheNotice); // the site was down when the notice was due: that tick is missed

        var visitor = second.Visitor();
        await reminders.ArmedAsync();
        var before = await (await visitor.GetAsync(item)).Expect(HttpStatusCode.OK);
        second.Clock.Advance(TimeSpan.FromMinutes(1));
        await reminders.TickedAsync();

        Assert.Equal("disclosure", before.GetProperty("currentStep").GetProperty("id").GetString());
        var seen = await (await visitor.GetAsync(item)).Expect(HttpStatusCode.OK);
        Assert.Equal("implementation", seen.GetProperty("currentStep").GetProperty("id").GetString());
    }

    /// <summary>An item taken by the clerk and the chair to its disclosure step; returns its API path.</summary>
    internal static async Task<string> ResolvedItemAsync(CouncilApp app)
    {
        var (resident, clerk, chair) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"), await app.SignedInAs("chair"));
        var created = await (await resident.Post(Items, new { title = "湖边装路灯", text = "晚上太黑", category = "维修 Repairs", place = "湖边" }))
            .Expect(HttpStatusCode.Created);
        var item = $"{Items}/{created.GetProperty("id").GetString()}";
        await (await clerk.Post($"{item}/accept", new { })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/record-proposal", new { text = "装 6 盏太阳能灯" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/record-consultation", new { summary = "两委会同意" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{item}/record-resolution", Count(present: 3, @for: 3))).Expect(HttpStatusCode.OK);
        var voted = await (await chair.Post($"{item}/record-resolution", Count(present: 5, @for: 4))).Expect(HttpStatusCode.OK);
        Assert.Equal("disclosure", voted.GetProperty("currentStep").GetProperty("id").GetString());
        return item;
    }

    internal static async Task DiscloseAsync(CouncilApp app, string item) =>
        await (await (await app.SignedInAs("clerk")).Post($"{item}/disclose", new { })).Expect(HttpStatusCode.OK);

    internal static List<JsonElement> Timeline(JsonElement item) => item.GetProperty("timeline").EnumerateArray().ToList();

    /// <summary>Who and when the public item page shows for the timeline entry of that title.</summary>
    private static string EndedBy(string html, string title) => Html.Parse(html).QuerySelectorAll("ol.timeline li")
        .Single(li => li.QuerySelector("strong")?.TextContent == title).QuerySelector(".meta")!.TextContent.Trim();

    private static object Count(int present, int @for) => new
    {
        present = new { members = present },
        @for = new { members = @for },
        against = new { members = present - @for },
        abstain = new { members = 0 },
    };
}
