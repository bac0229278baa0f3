using System.Net;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>
/// A public meeting shows those outside the council that an undisclosed item is on its agenda, and nothing more:
/// no id, no title, no link, in the page, the API and the hub's pushes.
/// </summary>
public sealed class MeetingDisclosureTests : IAsyncLifetime
{
    private const string Council = CouncilAppSteps.Council;
    private const string Undisclosed = "item-demo-lights";
    private const string UndisclosedTitle = "湖边步道路灯维修";
    private readonly CouncilApp _app = new();
    private readonly List<HubConnection> _screens = [];
    private HttpClient _clerk = null!;
    private string _meeting = null!;

    public async Task InitializeAsync()
    {
        _clerk = await _app.SignedInAs("clerk");
        var created = await (await _clerk.Post($"{Council}/meetings", new
        {
            bodyId = "villager-representatives", title = "村民代表会议（第 13 次）", startsAt = _app.Clock.GetUtcNow().AddDays(3), place = "湖边议事厅",
            agenda = new[] { Undisclosed, "item-demo-kiosks" },
        })).Expect(HttpStatusCode.Created);
        _meeting = created.GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync()
    {
        foreach (var screen in _screens) await screen.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task TheApiShowsThePublicAnUndisclosedItemOnlyAsSuch()
    {
        var response = await _app.Visitor().GetAsync($"{Council}/meetings/{_meeting}");

        var json = await response.Content.ReadAsStringAsync();
        var meeting = await response.Expect(HttpStatusCode.OK);
        Assert.Equal([MeetingDisclosure.Undisclosed, "item-demo-kiosks"], meeting.GetProperty("agenda").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain(Undisclosed, json);
    }

    [Fact]
    public async Task TheCouncilsPeopleStillSeeTheWholeAgenda()
    {
        var meeting = await (await _clerk.GetAsync($"{Council}/meetings/{_meeting}")).Expect(HttpStatusCode.OK);

        Assert.Equal([Undisclosed, "item-demo-kiosks"], meeting.GetProperty("agenda").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task ThePageShowsThePublicAnUndisclosedItemWithoutIdTitleOrLink()
    {
        var html = await _app.Visitor().GetStringAsync($"/councils/lakeside/meetings/{_meeting}");

        var agenda = Html.Parse(html).QuerySelectorAll("ol.list > li");
        Assert.Equal(2, agenda.Length);
        Assert.Null(agenda[0].QuerySelector("a"));
        Assert.Equal("/councils/lakeside/items/item-demo-kiosks", agenda[1].QuerySelector("a")?.GetAttribute("href"));
        Assert.DoesNotContain(Undisclosed, html);
        Assert.DoesNotContain(UndisclosedTitle, html);
    }

    [Fact]
    public async Task TheHubTellsThePublicOnlyThatAnUndisclosedItemIsTakenUp()
    {
        var chair = await _app.SignedInAs("chair");
        var hall = await ScreenAsync(login: null);
        var console = await ScreenAsync("clerk");
        var joined = await hall.InvokeAsync<MeetingLive>("Join", "lakeside", _meeting);
        await console.InvokeAsync<MeetingLive>("Join", "lakeside", _meeting);
        await (await chair.Post($"{Council}/meetings/{_meeting}/open")).Expect(HttpStatusCode.OK);
        var inHall = hall.Next<MeetingView>("MeetingChanged", m => m.CurrentItemId is not null);
        var onConsole = console.Next<MeetingView>("MeetingChanged", m => m.CurrentItemId is not null);

        await (await chair.Post($"{Council}/meetings/{_meeting}/take-up", new { itemId = Undisclosed })).Expect(HttpStatusCode.OK);

        Assert.DoesNotContain(Undisclosed, joined.Meeting.Agenda);
        var hallView = await inHall;
        Assert.Equal(MeetingDisclosure.Undisclosed, hallView.CurrentItemId);
        Assert.Equal([MeetingDisclosure.Undisclosed, "item-demo-kiosks"], hallView.Agenda);
        Assert.Equal(Undisclosed, (await onConsole).CurrentItemId);
    }

    private async Task<HubConnection> ScreenAsync(string? login)
    {
        var screen = await _app.MeetingHubAsync(login);
        _screens.Add(screen);
        return screen;
    }
}
