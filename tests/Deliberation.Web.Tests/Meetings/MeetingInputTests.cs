using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>A meeting's time is a plausible one and its agenda names items that exist; a refusal records nothing.</summary>
public sealed class MeetingInputTests : IDisposable
{
    private const string Meetings = $"{CouncilAppSteps.Council}/meetings";
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> ImplausibleTimes => new()
    {
        "9999-12-31T10:00:00Z",
        DateTimeOffset.UtcNow.AddYears(2).AddDays(2).ToString("O"),
        DateTimeOffset.UtcNow.AddDays(-2).ToString("O"),
        "0001-01-01T00:00:00Z",
    };

    [Theory]
    [MemberData(nameof(ImplausibleTimes))]
    public async Task RefusesAMeetingAtAnImplausibleTime(string startsAt)
    {
        var clerk = await _app.SignedInAs("clerk");
        var before = await _app.CountEventsAsync();

        var problem = await (await clerk.Post(Meetings, new { bodyId = "party-members", title = "党员大会", startsAt, place = "湖边议事厅" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("starts between", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task SchedulesAMeetingWithinTheNextTwoYears()
    {
        var clerk = await _app.SignedInAs("clerk");

        await (await clerk.Post(Meetings, new
        {
            bodyId = "party-members", title = "党员大会", startsAt = DateTimeOffset.UtcNow.AddYears(2).AddDays(-1), place = "湖边议事厅",
        })).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task RefusesToScheduleAMeetingWhoseAgendaNamesAnItemThatDoesNotExist()
    {
        var clerk = await _app.SignedInAs("clerk");
        var before = await _app.CountEventsAsync();

        await (await clerk.Post(Meetings, new
        {
            bodyId = "party-members", title = "党员大会", startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅",
            agenda = new[] { "item-demo-parking", "item-no-such-thing" },
        })).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Theory]
    [InlineData("item-no-such-thing")]
    [InlineData("not an id\u0000")]
    public async Task RefusesToPutAnItemThatDoesNotExistOnTheAgenda(string itemId)
    {
        var clerk = await _app.SignedInAs("clerk");
        var before = await _app.CountEventsAsync();

        await (await clerk.Post($"{Meetings}/meeting-demo-next/agenda", new { itemId })).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await _app.CountEventsAsync());
        var meeting = await (await clerk.GetAsync($"{Meetings}/meeting-demo-next")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(meeting.GetProperty("agenda").EnumerateArray(), i => i.GetString() == itemId);
    }

    [Fact]
    public async Task RefusesAnotherCouncilsItemOnTheAgenda()
    {
        var admin = await _app.SignedInAs("admin");
        await (await admin.Post("/api/councils", new
        {
            id = "hillside", nameZh = "山边社区议事厅", nameEn = "Hillside", place = "山边", defaultTemplateId = "sanyi-yishen-liang-gongkai",
        })).Expect(HttpStatusCode.Created);
        await (await admin.Post("/api/councils/hillside/bodies", new { bodyId = "owners", nameZh = "业主大会", nameEn = "Owners", decisionRuleId = "simple-majority" }))
            .Expect(HttpStatusCode.OK);
        var before = await _app.CountEventsAsync();

        await (await admin.Post("/api/councils/hillside/meetings", new
        {
            bodyId = "owners", title = "业主大会", startsAt = CouncilAppSteps.NextWeek, place = "山边", agenda = new[] { "item-demo-parking" },
        })).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task RefusesToTakeUpAnItemThatDoesNotExistOrIsNotOnTheAgenda()
    {
        var chair = await _app.SignedInAs("chair");
        await (await chair.Post($"{Meetings}/meeting-demo-next/open")).Expect(HttpStatusCode.OK);
        var before = await _app.CountEventsAsync();

        await (await chair.Post($"{Meetings}/meeting-demo-next/take-up", new { itemId = "item-no-such-thing" })).ExpectProblem(HttpStatusCode.BadRequest);
        await (await chair.Post($"{Meetings}/meeting-demo-next/take-up", new { itemId = "item-demo-lights" })).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Theory]
    [InlineData(99)]
    [InlineData(1)]
    [InlineData("99")]
    [InlineData("Present\u0000")]
    public async Task RefusesAnAttendanceThatIsNotOneOfItsNames(object attendance)
    {
        var chair = await _app.SignedInAs("chair");
        var ids = await _app.UserIdsAsync();
        await (await chair.Post($"{Meetings}/meeting-demo-next/open")).Expect(HttpStatusCode.OK);
        var before = await _app.CountEventsAsync();

        await (await chair.Post($"{Meetings}/meeting-demo-next/attendance", new { userId = ids["李主任 Chair Li"], attendance }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task RefusesAMeetingTitleWithAControlCharacter()
    {
        var clerk = await _app.SignedInAs("clerk");
        var before = await _app.CountEventsAsync();

        await (await clerk.Post(Meetings, new { bodyId = "party-members", title = "党员\u0007大会", startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await _app.CountEventsAsync());
    }
}
