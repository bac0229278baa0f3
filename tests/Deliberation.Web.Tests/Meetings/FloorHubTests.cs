using System.Net;
using System.Text.Json;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>The floor over SignalR: a member asks from their phone, the chair gives the floor, the hall's wall is told.</summary>
public sealed class FloorHubTests : IAsyncLifetime
{
    private const string Meeting = CouncilAppSteps.Council + "/meetings/meeting-demo-next";
    private readonly CouncilApp _app = new();
    private readonly List<HubConnection> _screens = [];
    private Dictionary<string, string> _ids = [];

    public async Task InitializeAsync()
    {
        var chair = await _app.SignedInAs("chair");
        await (await chair.Post($"{Meeting}/open")).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{Meeting}/take-up", new { itemId = "item-demo-parking" })).Expect(HttpStatusCode.OK);
        _ids = await _app.UserIdsAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var screen in _screens) await screen.DisposeAsync();
        _app.Dispose();
    }

    private async Task<HubConnection> JoinedAsync(string? login)
    {
        var screen = await _app.MeetingHubAsync(login);
        _screens.Add(screen);
        await screen.InvokeAsync<MeetingLive>("Join", "lakeside", "meeting-demo-next");
        return screen;
    }

    [Fact]
    public async Task AMemberAsksTheChairGivesTheFloorAndTheWallIsToldEachTime()
    {
        var wall = await JoinedAsync(login: null);
        var member = await JoinedAsync("member1");
        var chair = await JoinedAsync("chair");
        var zhang = _ids["张代表 Rep. Zhang"];

        var listed = wall.Next<MeetingView>("MeetingChanged", m => m.Floor?.Waiting.Contains(zhang) == true);
        var asked = await member.InvokeAsync<MeetingView>("RequestFloor", "lakeside", "meeting-demo-next");
        Assert.Equal([zhang], asked.Floor!.Waiting);
        Assert.Equal([zhang], (await listed).Floor!.Waiting);

        var speaking = wall.Next<MeetingView>("MeetingChanged", m => m.Floor?.Speaking?.MemberId == zhang);
        await chair.InvokeAsync<MeetingView>("GiveFloor", "lakeside", "meeting-demo-next", zhang);
        var shown = (await speaking).Floor!;

        Assert.Empty(shown.Waiting);
        Assert.Equal(180, shown.Speaking!.TimeLimitSeconds);
        Assert.Equal(shown.Speaking.StartedAt.AddMinutes(3), shown.Speaking.EndsAt);
    }

    [Fact]
    public async Task AskingTwiceListsOnceAndAMemberMayWithdraw()
    {
        var member = await JoinedAsync("member2");
        var liu = _ids["刘代表 Rep. Liu"];

        await member.InvokeAsync<MeetingView>("RequestFloor", "lakeside", "meeting-demo-next");
        var again = await member.InvokeAsync<MeetingView>("RequestFloor", "lakeside", "meeting-demo-next");
        var withdrawn = await member.InvokeAsync<MeetingView>("WithdrawFloorRequest", "lakeside", "meeting-demo-next");

        Assert.Equal([liu], again.Floor!.Waiting);
        Assert.Empty(withdrawn.Floor!.Waiting);
    }

    [Fact]
    public async Task AMemberCannotGiveTheFloorAndNobodyJoinsAClosedList()
    {
        var member = await JoinedAsync("member1");
        var chair = await JoinedAsync("chair");

        var notChair = await Assert.ThrowsAsync<HubException>(() =>
            member.InvokeAsync<MeetingView>("GiveFloor", "lakeside", "meeting-demo-next", _ids["张代表 Rep. Zhang"]));
        await chair.InvokeAsync<MeetingView>("CloseSpeakersList", "lakeside", "meeting-demo-next");
        var closed = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<MeetingView>("RequestFloor", "lakeside", "meeting-demo-next"));

        Assert.Contains("Access refused", notChair.Message);
        Assert.Contains("closed", closed.Message);
    }

    [Fact]
    public async Task TheSpeechesAreInTheMeetingsHistoryWithTheirTimes()
    {
        var chair = await _app.SignedInAs("chair");
        var zhang = _ids["张代表 Rep. Zhang"];
        await (await chair.Post($"{Meeting}/floor-give", new { memberId = zhang })).Expect(HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromSeconds(95));

        var ended = await (await chair.Post($"{Meeting}/floor-end", new { memberId = zhang })).Expect(HttpStatusCode.OK);

        var spoken = Assert.Single(ended.GetProperty("floor").GetProperty("spoken").EnumerateArray());
        Assert.Equal(zhang, spoken.GetProperty("memberId").GetString());
        Assert.Equal(TimeSpan.FromSeconds(95), spoken.GetProperty("endedAt").GetDateTimeOffset() - spoken.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("floor").GetProperty("speaking").ValueKind);
    }
}
