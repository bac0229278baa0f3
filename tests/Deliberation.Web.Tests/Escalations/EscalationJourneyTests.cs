using System.Net;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Escalations;

/// <summary>
/// A topic routed to a department becomes an escalation (一哨、一函、一台账、一反馈): the whistle, the letter, the
/// department's answers, the submitter's rating and the clerk's send-back, over HTTP as each person does it.
/// </summary>
public sealed class EscalationJourneyTests : IAsyncLifetime
{
    private const string Council = "/api/councils/lakeside";
    private readonly CouncilApp _app = new();
    private HttpClient _resident = null!, _clerk = null!, _works = null!;

    public async Task InitializeAsync()
    {
        _resident = await _app.SignedInAs("resident");
        _clerk = await _app.SignedInAs("clerk");
        _works = await _app.SignedInAs("works");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task GoesFromWhistleAndLetterToFeedbackRatingAndASendBack()
    {
        var (item, escalation) = await RoutedAsync(_app, _resident, _clerk);

        var routed = await (await _clerk.GetAsync($"{Council}/items/{item}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Routed", routed.GetProperty("status").GetString());
        var whistle = await (await _clerk.GetAsync($"{Council}/escalations/{escalation}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Escalated", whistle.GetProperty("status").GetString());
        Assert.Equal("镇城建办 Town Works Office", whistle.GetProperty("departmentName").GetString());
        var reference = whistle.GetProperty("referenceNo").GetString()!;
        Assert.Contains($"/councils/lakeside/escalations/{escalation}", await _clerk.GetStringAsync($"/councils/lakeside/items/{item}"));

        var letter = await _clerk.GetStringAsync($"/councils/lakeside/escalations/{escalation}/letter");
        Assert.Contains(reference, letter);
        Assert.Contains("湖边村议事会", letter);
        Assert.Contains("请一周内修复村口路灯", letter);
        Assert.Contains("村口路灯不亮", letter);

        await (await _works.Post($"{Council}/escalations/{escalation}/receive", new { response = "已签收，安排电工" })).Expect(HttpStatusCode.OK);
        await (await _works.Post($"{Council}/escalations/{escalation}/note-progress", new { note = "已订购灯泡" })).Expect(HttpStatusCode.OK);
        await (await _works.Post($"{Council}/escalations/{escalation}/complete", new { result = "已更换一盏" })).Expect(HttpStatusCode.OK);
        var feedback = await (await _resident.GetAsync($"{Council}/escalations/{escalation}")).Expect(HttpStatusCode.OK);
        Assert.Equal("已更换一盏", feedback.GetProperty("result").GetString());
        Assert.Equal(["rate"], feedback.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));

        await (await _resident.Post($"{Council}/escalations/{escalation}/rate", new { score = 2, comment = "还有两盏不亮" })).Expect(HttpStatusCode.OK);
        var sentBack = await (await _clerk.Post($"{Council}/escalations/{escalation}/reopen",
            new { reason = "居民不满意，退回重办", dueOn = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(5) })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, sentBack.GetProperty("reopened").GetInt32());
        Assert.Equal("Received", sentBack.GetProperty("status").GetString());

        await (await _works.Post($"{Council}/escalations/{escalation}/complete", new { result = "三盏都已修好" })).Expect(HttpStatusCode.OK);
        var rated = await (await _resident.Post($"{Council}/escalations/{escalation}/rate", new { score = 5 })).Expect(HttpStatusCode.OK);

        Assert.Equal([2, 5], rated.GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("score").GetInt32()));
        Assert.Equal(
            ["Escalated", "EscalationReceived", "EscalationProgressNoted", "EscalationDone", "FeedbackRated", "EscalationReopened", "EscalationDone", "FeedbackRated"],
            rated.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        var page = await _resident.GetStringAsync($"/councils/lakeside/escalations/{escalation}");
        Assert.Contains("三盏都已修好", page);
    }

    [Fact]
    public async Task AGoodRatingCannotBeSentBackAndOnlyTheSubmitterRates()
    {
        var (_, escalation) = await RoutedAsync(_app, _resident, _clerk);
        await (await _works.Post($"{Council}/escalations/{escalation}/complete", new { result = "已修好" })).Expect(HttpStatusCode.OK);

        await (await (await _app.SignedInAs("member3")).Post($"{Council}/escalations/{escalation}/rate", new { score = 1 })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await _resident.Post($"{Council}/escalations/{escalation}/rate", new { score = 4 })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{Council}/escalations/{escalation}/reopen", new { reason = "x", dueOn = "2099-01-01" })).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RoutingNeedsOneOfTheCouncilsDepartmentsAndKeepsTheItemUntouchedOtherwise()
    {
        var item = await SubmitAsync(_resident);

        await (await _clerk.Post($"{Council}/items/{item}/route", new { department = "no-such-office", reason = "x" })).ExpectProblem(HttpStatusCode.BadRequest);

        var seen = await (await _clerk.GetAsync($"{Council}/items/{item}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", seen.GetProperty("status").GetString());
        await (await _clerk.GetAsync($"{Council}/escalations/esc-{item}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    public static async Task<string> SubmitAsync(HttpClient resident)
    {
        var item = await (await resident.Post($"{Council}/items", new { title = "村口路灯不亮", text = "村口三盏路灯不亮，晚上很黑", category = "维修 Repairs", place = "村口" }))
            .Expect(HttpStatusCode.Created);
        return item.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// A resident's topic routed to the town works office (24 hours to respond, due in 3 days), then the council's clock
    /// moved 5 days on and the escalation's reminder seen to tick. The app runs its reminders on its test clock. Returns
    /// the item's id.
    /// </summary>
    public static async Task<string> EscalatePastDueAsync(CouncilApp app)
    {
        var (resident, clerk) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"));
        var item = await SubmitAsync(resident);
        using var reminders = new ReminderProbe($"esc-{item}");
        await (await clerk.Post($"{Council}/items/{item}/route", new
        {
            department = "town-works", reason = "属城建办职责", request = "请修复", respondWithinHours = 24,
            dueOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(3),
        })).Expect(HttpStatusCode.OK);
        await reminders.ArmedAsync();

        app.Clock.Advance(TimeSpan.FromDays(5));
        await reminders.TickedAsync();
        return item;
    }

    /// <summary>A resident's topic routed by the clerk to the town works office: returns the item's and the escalation's ids.</summary>
    public static async Task<(string Item, string Escalation)> RoutedAsync(CouncilApp app, HttpClient resident, HttpClient clerk, int respondWithinHours = 48, int dueInDays = 7)
    {
        var item = await SubmitAsync(resident);
        await (await clerk.Post($"{Council}/items/{item}/route", new
        {
            department = "town-works", reason = "属城建办职责", request = "请一周内修复村口路灯", respondWithinHours,
            dueOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(dueInDays),
        })).Expect(HttpStatusCode.OK);
        return (item, $"esc-{item}");
    }

    internal static IEnumerable<string?> Types(JsonElement view) =>
        view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString());
}
