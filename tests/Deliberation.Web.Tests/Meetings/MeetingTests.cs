using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Meetings;

public sealed class MeetingTests : IAsyncLifetime
{
    private const string Meetings = "/api/councils/lakeside/meetings";
    private readonly CouncilApp _app = new();
    private HttpClient _clerk = null!, _chair = null!;

    public async Task InitializeAsync()
    {
        _clerk = await _app.SignedInAs("clerk");
        _chair = await _app.SignedInAs("chair");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunsARollCallWithAProxyAndKnowsTheQuorum()
    {
        var meeting = await ScheduleAsync("party-members");
        await (await _chair.Post($"{meeting}/open")).Expect(HttpStatusCode.OK);
        var ids = await IdsAsync();

        await (await _chair.Post($"{meeting}/attendance", new { userId = ids["chair"], attendance = "Present" })).Expect(HttpStatusCode.OK);
        var one = await (await _chair.Post($"{meeting}/attendance", new { userId = ids["member1"], attendance = "Absent" })).Expect(HttpStatusCode.OK);
        Assert.False(one.GetProperty("quorum").GetBoolean());
        var two = await (await _chair.Post($"{meeting}/attendance", new { userId = ids["member2"], attendance = "Proxy", proxyFor = ids["member1"] })).Expect(HttpStatusCode.OK);

        Assert.Equal(3, two.GetProperty("rollSize").GetInt32());
        Assert.True(two.GetProperty("quorum").GetBoolean());
    }

    [Fact]
    public async Task RefusesAttendanceForSomeoneNotOnTheBodysRoll()
    {
        var meeting = await ScheduleAsync("party-members");
        await (await _chair.Post($"{meeting}/open")).Expect(HttpStatusCode.OK);
        var ids = await IdsAsync();

        var response = await _chair.Post($"{meeting}/attendance", new { userId = ids["member3"], attendance = "Present" });

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{(int)response.StatusCode}");
        var view = await (await _app.Visitor().GetAsync(meeting)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, view.GetProperty("attendance").GetArrayLength());
    }

    [Fact]
    public async Task AMemberCannotScheduleOrRunAMeeting()
    {
        var member = await _app.SignedInAs("member1");

        await (await member.Post(Meetings, new { bodyId = "party-members", title = "x", startsAt = CouncilAppSteps.NextWeek, place = "p" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        await (await member.Post($"{Meetings}/meeting-demo-next/open")).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ScheduledMeetingIsListedForThePublic()
    {
        await ScheduleAsync("villager-representatives");

        var list = await (await _app.Visitor().GetAsync(Meetings)).Expect(HttpStatusCode.OK);

        Assert.True(list.GetArrayLength() >= 2);
    }

    private async Task<string> ScheduleAsync(string body)
    {
        var created = await (await _clerk.Post(Meetings, new
        {
            bodyId = body, title = "党员大会", startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅", agenda = new[] { "item-demo-parking" },
        })).Expect(HttpStatusCode.Created);
        return $"{Meetings}/{created.GetProperty("id").GetString()}";
    }

    private async Task<Dictionary<string, string>> IdsAsync()
    {
        var ids = await _app.UserIdsAsync();
        return new() { ["chair"] = ids["李主任 Chair Li"], ["member1"] = ids["张代表 Rep. Zhang"], ["member2"] = ids["刘代表 Rep. Liu"], ["member3"] = ids["陈代表 Rep. Chen"] };
    }
}
