using System.Net;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.AgendaItems;

/// <summary>An item taken through the whole village process (四议两公开) by the people who act at each step, over HTTP.</summary>
public sealed class ItemJourneyTests : IAsyncLifetime
{
    private const string Items = "/api/councils/lakeside/items";
    private readonly CouncilApp _app = new();
    private HttpClient _resident = null!, _clerk = null!, _chair = null!, _property = null!, _visitor = null!;

    public async Task InitializeAsync()
    {
        _resident = await _app.SignedInAs("resident");
        _clerk = await _app.SignedInAs("clerk");
        _chair = await _app.SignedInAs("chair");
        _property = await _app.SignedInAs("property");
        _visitor = _app.Visitor();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TakesAResidentTopicFromSubmissionToClosedWithEveryStepInItsTimeline()
    {
        var id = await SubmitAsync();
        var item = $"{Items}/{id}";

        await (await _clerk.Post($"{item}/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{item}/record-proposal", new { text = "在湖边装 6 盏太阳能灯", options = new[] { "同意", "不同意" } })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{item}/record-consultation", new { summary = "两委会同意" })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{item}/revise-proposal", new { text = "装 8 盏", reason = "两委会建议" })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await _chair.Post($"{item}/record-resolution", Count(present: 3, @for: 3, against: 0))).Expect(HttpStatusCode.OK);
        var voted = await (await _chair.Post($"{item}/record-resolution", Count(present: 5, @for: 4, against: 1))).Expect(HttpStatusCode.OK);
        Assert.Equal("disclosure", voted.GetProperty("currentStep").GetProperty("id").GetString());

        await (await _visitor.GetAsync(item)).ExpectProblem(HttpStatusCode.NotFound);
        await (await _clerk.Post($"{item}/disclose", new { })).Expect(HttpStatusCode.OK);
        var seenByPublic = await (await _visitor.GetAsync(item)).Expect(HttpStatusCode.OK);
        Assert.True(seenByPublic.GetProperty("isPublic").GetBoolean());

        await (await _resident.Post($"{item}/object", new { text = "灯太亮" })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{item}/dismiss-objection", new { objectionNo = 1, reason = "灯有遮光罩" })).Expect(HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromDays(8));
        // Eight days on, the sessions have expired as they would for real: sign in again.
        (_clerk, _property, _resident) = (await _app.SignedInAs("clerk"), await _app.SignedInAs("property"), await _app.SignedInAs("resident"));
        await (await _clerk.Post($"{item}/end-notice")).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{item}/assign-implementation", new { responsibleParty = "湖畔物业", deadline = "2026-12-31" })).Expect(HttpStatusCode.OK);
        await (await _property.Post($"{item}/report-progress", new { text = "已采购", percentDone = 50 })).Expect(HttpStatusCode.OK);
        await (await _property.Post($"{item}/complete-implementation", new { summary = "已安装" })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{item}/disclose-result", new { text = "8 盏灯已亮" })).Expect(HttpStatusCode.OK);
        await (await _resident.Post($"{item}/rate", new { score = 5 })).Expect(HttpStatusCode.OK);
        var closed = await (await _clerk.Post($"{item}/close", new { reason = "评价期结束" })).Expect(HttpStatusCode.OK);

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("Completed", closed.GetProperty("outcome").GetString());
        var history = await (await _visitor.GetAsync(item)).Expect(HttpStatusCode.OK);
        var types = history.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("ItemSubmitted", types[0]);
        Assert.Contains("ResolutionAdopted", types);
        Assert.Contains("ProposalRevised", types);
        Assert.Contains("ObjectionDismissed", types);
        Assert.Equal("ItemClosed", types[^1]);
        var sequences = history.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var verification = await (await _visitor.GetAsync($"{item}/verification")).Expect(HttpStatusCode.OK);
        Assert.True(verification.GetProperty("isIntact").GetBoolean());
    }

    [Fact]
    public async Task RefusesAnIllegalTransitionSayingWhatIsAllowedAndChangesNothing()
    {
        var id = await SubmitAsync();
        var before = await (await _clerk.GetAsync($"{Items}/{id}")).Expect(HttpStatusCode.OK);

        var problem = await (await _clerk.Post($"{Items}/{id}/end-notice")).ExpectProblem(HttpStatusCode.Conflict);

        var allowed = problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("accept", allowed);
        Assert.Contains("decline", allowed);
        Assert.Contains("accept", problem.GetProperty("detail").GetString());
        var after = await (await _clerk.GetAsync($"{Items}/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), after.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task RefusesAResidentTriagingAndAReviewerVoting()
    {
        var id = await SubmitAsync();

        await (await _resident.Post($"{Items}/{id}/accept", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        var stillSubmitted = await (await _clerk.GetAsync($"{Items}/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", stillSubmitted.GetProperty("status").GetString());

        await (await _clerk.Post($"{Items}/{id}/accept", new { })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{Items}/{id}/record-proposal", new { text = "装灯" })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{Items}/{id}/complete-step")).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{Items}/{id}/record-consultation", new { summary = "同意" })).Expect(HttpStatusCode.OK);
        await (await _clerk.Post($"{Items}/{id}/complete-step")).Expect(HttpStatusCode.OK);
        var reviewer = await _app.SignedInAs("reviewer");

        // The template names the chair for this vote: the engine refuses the reviewer, and says which role acts.
        var refused = await (await reviewer.Post($"{Items}/{id}/record-resolution", Count(3, 3, 0))).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Contains("Chair", refused.GetProperty("detail").GetString());
        var atVote = await (await _clerk.GetAsync($"{Items}/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("deliberation", atVote.GetProperty("currentStep").GetProperty("id").GetString());
    }

    [Fact]
    public async Task DeclinesOnlyWithAReasonTheSubmitterCanRead()
    {
        var id = await SubmitAsync();

        await (await _clerk.Post($"{Items}/{id}/decline", new { reason = " " })).ExpectProblem(HttpStatusCode.BadRequest);
        await (await _clerk.Post($"{Items}/{id}/decline", new { reason = "属于镇政府职责，已转告" })).Expect(HttpStatusCode.OK);

        var seen = await (await _resident.GetAsync($"{Items}/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Declined", seen.GetProperty("status").GetString());
        var declined = seen.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "ItemDeclined");
        Assert.Equal("属于镇政府职责，已转告", declined.GetProperty("details").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task GridWorkerSubmitsOnBehalfOfAResidentWithoutAPhone()
    {
        var grid = await _app.SignedInAs("grid");

        var created = await (await grid.Post(Items, new
        {
            title = "楼道灯坏了", text = "3 号楼楼道灯不亮", category = "维修 Repairs", place = "3 号网格", onBehalfOf = "张奶奶（3-1-201）",
        })).Expect(HttpStatusCode.Created);

        Assert.Equal("张奶奶（3-1-201）", created.GetProperty("onBehalfOf").GetString());
    }

    [Fact]
    public async Task RejectsAMalformedSubmissionWithAProblem()
    {
        var response = await _resident.PostAsync(Items, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        await response.ExpectProblem(HttpStatusCode.BadRequest);

        await (await _resident.Post(Items, new { title = "", text = "" })).ExpectProblem(HttpStatusCode.BadRequest);
    }

    private async Task<string> SubmitAsync()
    {
        var created = await (await _resident.Post(Items, new
        {
            title = "湖边装路灯", text = "晚上太黑", category = "维修 Repairs", place = "湖边",
        })).Expect(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    private static object Count(int present, int @for, int against) => new
    {
        present = new { members = present },
        @for = new { members = @for },
        against = new { members = against },
        abstain = new { members = present - @for - against },
    };
}
