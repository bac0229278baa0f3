using System.Net;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>Agenda control through the real app: reorder, reschedule and cancel as JSON and as forms without script.</summary>
public sealed class AgendaControlTests : IAsyncLifetime
{
    private const string Meetings = CouncilAppSteps.Council + "/meetings";
    private readonly CouncilApp _app = new();
    private HttpClient _clerk = null!, _chair = null!;
    private string _meeting = "";

    public async Task InitializeAsync()
    {
        _clerk = await _app.SignedInAs("clerk");
        _chair = await _app.SignedInAs("chair");
        var created = await (await _clerk.Post(Meetings, new
        {
            bodyId = "villager-representatives", title = "村民代表会议", startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅",
            agenda = new[] { "item-demo-parking", "item-demo-lights", "item-demo-kiosks" },
        })).Expect(HttpStatusCode.Created);
        _meeting = $"{Meetings}/{created.GetProperty("id").GetString()}";
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static string[] Agenda(JsonElement meeting) => meeting.GetProperty("agenda").EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task TheChairReordersTheAgendaAndAResendChangesNothing()
    {
        string[] order = ["item-demo-kiosks", "item-demo-parking", "item-demo-lights"];

        var moved = await (await _chair.Post($"{_meeting}/agenda-order", new { agenda = order })).Expect(HttpStatusCode.OK);
        var before = await _app.CountEventsAsync();
        await (await _chair.Post($"{_meeting}/agenda-order", new { agenda = order })).Expect(HttpStatusCode.OK);

        Assert.Equal(order, Agenda(moved));
        Assert.Equal(before, await _app.CountEventsAsync());
        Assert.Equal(order, Agenda(await (await _clerk.GetAsync(_meeting)).Expect(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task AnItemTakenUpKeepsItsPlace()
    {
        await (await _chair.Post($"{_meeting}/open")).Expect(HttpStatusCode.OK);
        await (await _chair.Post($"{_meeting}/take-up", new { itemId = "item-demo-parking" })).Expect(HttpStatusCode.OK);

        var refused = await _chair.Post($"{_meeting}/agenda-order", new { agenda = new[] { "item-demo-lights", "item-demo-parking", "item-demo-kiosks" } });
        var allowed = await (await _chair.Post($"{_meeting}/agenda-order", new { agenda = new[] { "item-demo-parking", "item-demo-kiosks", "item-demo-lights" } }))
            .Expect(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["item-demo-parking"], allowed.GetProperty("takenUp").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task TheClerkReschedulesAndTheNewTimeIsToldInTheCouncilsZone()
    {
        var at = new DateTimeOffset(DateTimeOffset.UtcNow.Year + 1, 3, 2, 19, 30, 0, TimeSpan.FromHours(8));

        var moved = await (await _clerk.Post($"{_meeting}/reschedule", new { startsAt = at, place = "村委会二楼", reason = "议事厅维修" }))
            .Expect(HttpStatusCode.OK);

        Assert.Equal(at, moved.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("Asia/Shanghai", moved.GetProperty("timeZoneId").GetString());
        var page = Html.Parse(await _app.Visitor().GetStringAsync(_meeting.Replace("/api", "")));
        Assert.Contains($"{at.Year}-03-02 19:30 (北京时间)", page.QuerySelector("dl.facts")!.TextContent);
        Assert.Contains("村委会二楼", page.QuerySelector("dl.facts")!.TextContent);
    }

    [Fact]
    public async Task CancelledWithAReasonItCannotOpenAndAMemberCannotCancel()
    {
        var member = await _app.SignedInAs("member1");
        await (await member.Post($"{_meeting}/cancel", new { reason = "不想开" })).ExpectProblem(HttpStatusCode.Forbidden);

        var cancelled = await (await _chair.Post($"{_meeting}/cancel", new { reason = "台风预警" })).Expect(HttpStatusCode.OK);
        var open = await _chair.Post($"{_meeting}/open");

        Assert.Equal(("Cancelled", "台风预警"), (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("cancelReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        var page = Html.Parse(await _app.Visitor().GetStringAsync(_meeting.Replace("/api", "")));
        Assert.Contains("台风预警", page.QuerySelector("#meeting-cancelled")!.TextContent);
    }

    [Fact]
    public async Task WithoutScriptTheChairMovesAnItemDownReschedulesAndCancels()
    {
        var page = _meeting.Replace("/api", "");
        var html = Html.Parse(await _chair.GetStringAsync(page));
        var down = html.QuerySelectorAll("form").First(f => f.QuerySelector("input[name=Action][value=reorder]") is not null
            && f.QuerySelector("button")!.GetAttribute("aria-label")!.StartsWith("下移"));
        var token = Html.AntiforgeryToken(html.DocumentElement.OuterHtml);

        var moved = await PostFormAsync(page, [new("Action", "reorder"),
            .. down.QuerySelectorAll("input[name=Agenda]").Select(i => new KeyValuePair<string, string>("Agenda", i.GetAttribute("value")!)), new("__RequestVerificationToken", token)]);
        var rescheduled = await PostFormAsync(page, [new("Action", "reschedule"), new("StartsAt", $"{DateTime.UtcNow.Year + 1}-03-02T19:30"),
            new("Place", "村委会二楼"), new("__RequestVerificationToken", token)]);
        var cancelled = await PostFormAsync(page, [new("Action", "cancel"), new("Reason", "台风预警"), new("__RequestVerificationToken", token)]);

        Assert.Equal([$"{page}?done=reorder", $"{page}?done=reschedule", $"{page}?done=cancel"], new[] { moved ?? "", rescheduled ?? "", cancelled ?? "" });
        var view = await (await _chair.GetAsync(_meeting)).Expect(HttpStatusCode.OK);
        Assert.Equal(["item-demo-lights", "item-demo-parking", "item-demo-kiosks"], Agenda(view));
        Assert.Equal(new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 2, 11, 30, 0, TimeSpan.Zero), view.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("Cancelled", view.GetProperty("status").GetString());
    }

    private async Task<string?> PostFormAsync(string page, IEnumerable<KeyValuePair<string, string>> fields) =>
        (await _chair.PostAsync($"{page}/act", new FormUrlEncodedContent(fields))).Headers.Location?.OriginalString;
}
