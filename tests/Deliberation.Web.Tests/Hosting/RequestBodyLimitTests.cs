using System.Net;
using System.Text;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>A request body is bounded before anything reads it: a 10 MB topic is answered, not stored.</summary>
public sealed class RequestBodyLimitTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task RefusesATenMegabyteTopicAs413AndRecordsNothing()
    {
        var resident = await _app.SignedInAs("resident");
        var before = await _app.CountEventsAsync();

        var response = await resident.Post($"{CouncilAppSteps.Council}/items",
            new { title = "大", text = new string('大', 10 * 1024 * 1024), category = "维修 Repairs", place = "湖边" });

        var problem = await response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.True(problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains("256 KiB"), problem.ToString());
        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task RefusesAnOversizedFormToo()
    {
        var resident = await _app.SignedInAs("resident");
        var before = await _app.CountEventsAsync();

        var response = await resident.PostAsync("/councils/lakeside/items/new",
            new StringContent("Title=x&Text=" + new string('x', 300 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded"));

        await response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task AcceptsATopicAtItsLongestInChinese()
    {
        var resident = await _app.SignedInAs("resident");

        var response = await resident.Post($"{CouncilAppSteps.Council}/items",
            new { title = new string('路', 200), text = new string('灯', 20_000), category = "维修 Repairs", place = "湖边" });

        await response.Expect(HttpStatusCode.Created);
    }
}
