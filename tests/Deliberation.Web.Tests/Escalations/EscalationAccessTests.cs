using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Escalations;

/// <summary>A department's account sees and answers only its own department's escalations, and only in its council.</summary>
public sealed class EscalationAccessTests : IAsyncLifetime
{
    private const string Council = "/api/councils/lakeside";
    private readonly CouncilApp _app = new();
    private HttpClient _resident = null!, _clerk = null!, _works = null!, _water = null!;

    public async Task InitializeAsync()
    {
        _resident = await _app.SignedInAs("resident");
        _clerk = await _app.SignedInAs("clerk");
        _works = await _app.SignedInAs("works");
        // The water company answers through an account of its own, recorded by the clerk.
        _water = await _app.SignedInAs("visitor");
        await (await _clerk.Post($"{Council}/departments", new
        {
            departmentId = "water", name = "县水务公司", contact = "0571-1", accounts = new[] { await _water.IdOfAsync() },
        })).Expect(HttpStatusCode.OK);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnotherDepartmentsAccountCannotSeeOrAnswerIt()
    {
        var (_, escalation) = await EscalationJourneyTests.RoutedAsync(_app, _resident, _clerk);
        var eventsBefore = await _app.CountEventsAsync();

        await (await _water.GetAsync($"{Council}/escalations/{escalation}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await _water.Post($"{Council}/escalations/{escalation}/receive", new { response = "收到" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await _water.Post($"{Council}/escalations/{escalation}/complete", new { result = "好了" })).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Empty((await (await _water.GetAsync($"{Council}/escalations")).Expect(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray());
        Assert.Equal(eventsBefore, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task CouncilStaffCannotAnswerForTheDepartment()
    {
        var (_, escalation) = await EscalationJourneyTests.RoutedAsync(_app, _resident, _clerk);

        await (await _clerk.Post($"{Council}/escalations/{escalation}/receive", new { response = "收到" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await _resident.Post($"{Council}/escalations/{escalation}/complete", new { result = "好了" })).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ItsOwnDepartmentListsAndAnswersIt()
    {
        var (_, escalation) = await EscalationJourneyTests.RoutedAsync(_app, _resident, _clerk);

        var inbox = await (await _works.GetAsync($"{Council}/escalations")).Expect(HttpStatusCode.OK);
        Assert.Contains(inbox.GetProperty("entries").EnumerateArray(), e => e.GetProperty("id").GetString() == escalation);
        Assert.All(inbox.GetProperty("entries").EnumerateArray(), e => Assert.Equal("town-works", e.GetProperty("departmentId").GetString()));
        await (await _works.Post($"{Council}/escalations/{escalation}/receive", new { response = "收到" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NobodySeesItThroughAnotherCouncil()
    {
        var (_, escalation) = await EscalationJourneyTests.RoutedAsync(_app, _resident, _clerk);
        var hillsideClerk = await _app.HillsideWithClerkAsync("hill-clerk");

        await (await hillsideClerk.GetAsync($"/api/councils/hillside/escalations/{escalation}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await hillsideClerk.Post($"/api/councils/hillside/escalations/{escalation}/reopen", new { reason = "x", dueOn = "2099-01-01" }))
            .ExpectProblem(HttpStatusCode.NotFound);
        await (await _works.GetAsync($"/api/councils/hillside/escalations/{escalation}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await _works.Post($"/api/councils/hillside/escalations/{escalation}/receive", new { response = "收到" })).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Empty((await (await hillsideClerk.GetAsync("/api/councils/hillside/escalations")).Expect(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task NeitherOtherResidentsNorTheDepartmentSeeWhoRaisedTheTopic()
    {
        var (_, escalation) = await EscalationJourneyTests.RoutedAsync(_app, _resident, _clerk);
        var residentId = await _resident.IdOfAsync();

        var (neighbour, _) = await _app.VerifiedResidentAsync("neighbour-li");
        foreach (var reader in new[] { neighbour, _works })
        {
            var json = await (await reader.GetAsync($"{Council}/escalations/{escalation}")).Content.ReadAsStringAsync();
            Assert.Contains("\"submittedBy\":\"resident\"", json);
            Assert.DoesNotContain(residentId, json);
        }
        Assert.Contains(residentId, await (await _clerk.GetAsync($"{Council}/escalations/{escalation}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheLetterIsNotForAnotherDepartmentNorForTheSignedOut()
    {
        var (_, escalation) = await EscalationJourneyTests.RoutedAsync(_app, _resident, _clerk);
        var letter = $"/councils/lakeside/escalations/{escalation}/letter";

        Assert.Equal(HttpStatusCode.OK, (await _works.GetAsync(letter)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _water.GetAsync(letter)).StatusCode);
        var signedOut = await _app.Visitor().GetAsync(letter);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }
}
