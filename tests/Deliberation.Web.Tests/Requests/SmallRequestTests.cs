using System.Net;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Requests;

/// <summary>Residents order, the community dispatches, volunteers take it (群众点单、社区派单、党员接单), over HTTP.</summary>
public sealed class SmallRequestTests
{
    private const string Requests = "/api/councils/lakeside/requests";

    [Fact]
    public async Task ADispatchedRequestIsTakenDoneConfirmedAndRated()
    {
        using var app = new CouncilApp();
        var (resident, clerk, volunteer) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"), await app.SignedInAs("volunteer"));
        var request = await PostAsync(app, resident);

        await (await clerk.Post($"{request}/dispatch", new { groupId = "party-volunteers", note = "请周六前上门" })).Expect(HttpStatusCode.OK);
        await (await (await app.SignedInAs("member3")).Post($"{request}/take")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await volunteer.Post($"{request}/take")).Expect(HttpStatusCode.OK);
        await (await volunteer.Post($"{request}/report-done", new { report = "已换好灯泡" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{request}/confirm", new { score = 5 })).ExpectProblem(HttpStatusCode.Forbidden);
        var confirmed = await (await resident.Post($"{request}/confirm", new { score = 5, comment = "谢谢小马" })).Expect(HttpStatusCode.OK);

        Assert.Equal("Confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(5, confirmed.GetProperty("score").GetInt32());
        Assert.Equal(await volunteer.IdOfAsync(), confirmed.GetProperty("volunteerId").GetString());
        var mine = await volunteer.GetStringAsync("/councils/lakeside/requests/mine");
        Assert.Contains("帮忙换厨房灯泡", mine);
    }

    [Fact]
    public async Task AVolunteerTakesAnOpenRequestAndNobodyElseTakesItAgain()
    {
        using var app = new CouncilApp();
        var (resident, volunteer) = (await app.SignedInAs("resident"), await app.SignedInAs("volunteer"));
        var request = await PostAsync(app, resident);

        await (await resident.Post($"{request}/take")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await volunteer.Post($"{request}/take")).Expect(HttpStatusCode.OK);
        await (await (await app.SignedInAs("member1")).Post($"{request}/take")).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OnlyTheCouncilsCategoriesAndPeopleWithARole()
    {
        using var app = new CouncilApp();
        var resident = await app.SignedInAs("resident");

        await (await resident.Post(Requests, Body(app, "理发"))).ExpectProblem(HttpStatusCode.BadRequest);
        await (await (await app.SignedInAs("works")).GetAsync(Requests)).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ARequestNotTakenByItsDayIsFlagged()
    {
        using var app = new CouncilApp().WithRemindersOnTestClock();
        var resident = await app.SignedInAs("resident");
        // Only this class posts requests, one test at a time: the new request is the one whose reminder is armed.
        using var reminders = new ReminderProbe("a new request", key => key.StartsWith("req-", StringComparison.Ordinal));
        var created = await (await resident.Post(Requests, Body(app, "维修 Repairs"))).Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await reminders.ArmedAsync();

        app.Clock.Advance(TimeSpan.FromDays(4));
        await reminders.TickedAsync();

        var clerk = await app.SignedInAs("clerk");
        var seen = await (await clerk.GetAsync($"{Requests}/{id}")).Expect(HttpStatusCode.OK);
        Assert.True(seen.GetProperty("overdue").GetBoolean());
        var listed = await (await clerk.GetAsync(Requests)).Expect(HttpStatusCode.OK);
        Assert.True(listed.GetProperty("entries").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id).GetProperty("overdue").GetBoolean());
    }

    private static object Body(CouncilApp app, string category) => new
    {
        title = "帮忙换厨房灯泡", details = "够不着", category, place = "3组12号",
        neededBy = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2),
    };

    private static async Task<string> PostAsync(CouncilApp app, HttpClient resident)
    {
        var created = await (await resident.Post(Requests, Body(app, "维修 Repairs"))).Expect(HttpStatusCode.Created);
        return $"{Requests}/{created.GetProperty("id").GetString()}";
    }
}
