using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.AgendaItems;

/// <summary>What goes into an item's permanent record is bounded plain text, and what it names must exist.</summary>
public sealed class ItemInputTests : IDisposable
{
    private const string Items = $"{CouncilAppSteps.Council}/items";
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("路灯\u0000坏了", "正文")]
    [InlineData("路灯\u001b[31m坏了", "正文")]
    [InlineData("路灯\n坏了", "正文")]
    [InlineData("路灯坏了", "正文\u0000")]
    public async Task RefusesATopicWithControlCharactersAndRecordsNothing(string title, string text)
    {
        var resident = await _app.SignedInAs("resident");
        var before = await _app.CountEventsAsync();

        var problem = await (await resident.Post(Items, new { title, text, category = "维修 Repairs", place = "湖边" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("control character", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task KeepsLineBreaksInATopicsText()
    {
        var resident = await _app.SignedInAs("resident");

        var item = await (await resident.Post(Items, new { title = "路灯坏了", text = "第一段\n\n第二段", category = "维修 Repairs", place = "湖边" }))
            .Expect(HttpStatusCode.Created);

        Assert.Equal("第一段\n\n第二段", item.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("title", 201)]
    [InlineData("text", 20_001)]
    [InlineData("place", 101)]
    [InlineData("category", 101)]
    public async Task RefusesAFieldLongerThanItsLimit(string field, int length)
    {
        var resident = await _app.SignedInAs("resident");
        var topic = new Dictionary<string, string> { ["title"] = "路灯坏了", ["text"] = "正文", ["category"] = "维修 Repairs", ["place"] = "湖边" };
        topic[field] = new string('长', length);
        var before = await _app.CountEventsAsync();

        var problem = await (await resident.Post(Items, topic)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains($"at most {length - 1} characters", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task RefusesAnOverlongReasonOnAnAction()
    {
        var clerk = await _app.SignedInAs("clerk");
        var before = await _app.CountEventsAsync();

        await (await clerk.Post($"{Items}/item-demo-lights/decline", new { reason = new string('因', 2_001) }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task RefusesToMergeIntoAnItemThatDoesNotExist()
    {
        var clerk = await _app.SignedInAs("clerk");
        var before = await _app.CountEventsAsync();

        await (await clerk.Post($"{Items}/item-demo-lights/merge", new { intoItemId = "item-no-such-thing", reason = "重复" }))
            .ExpectProblem(HttpStatusCode.NotFound);
        await (await clerk.Post($"{Items}/item-demo-lights/merge", new { intoItemId = "Not An Id!", reason = "重复" }))
            .ExpectProblem(HttpStatusCode.NotFound);

        Assert.Equal(before, await _app.CountEventsAsync());
        var item = await (await clerk.GetAsync($"{Items}/item-demo-lights")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MergesIntoAnItemThatExists()
    {
        var clerk = await _app.SignedInAs("clerk");

        await (await clerk.Post($"{Items}/item-demo-lights/merge", new { intoItemId = "item-demo-parking", reason = "重复" }))
            .Expect(HttpStatusCode.OK);
    }

    public static TheoryData<string, string> RefusedTitles => new()
    {
        { "路灯\u001b坏了", "控制字符" },
        { "路灯\n坏了", "一行" },
        { new string('长', 201), "最多 200 个字" },
    };

    [Theory]
    [MemberData(nameof(RefusedTitles))]
    public async Task ShowsARefusedTopicsReasonOnTheFormInChinese(string title, string message)
    {
        var resident = await _app.SignedInAs("resident");
        var form = await resident.GetStringAsync("/councils/lakeside/items/new");
        var before = await _app.CountEventsAsync();

        var posted = await resident.PostAsync("/councils/lakeside/items/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = title, ["Text"] = "正文", ["Category"] = "维修 Repairs", ["Place"] = "湖边",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
        }));

        Assert.True(posted.Headers.Location?.OriginalString.StartsWith("/councils/lakeside/items/new?error=") == true,
            $"{(int)posted.StatusCode} {posted.Headers.Location} {await posted.Content.ReadAsStringAsync()}");
        var back = Html.Parse(await resident.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.Contains(message, back.QuerySelector("p.error[role=alert]")?.TextContent);
        Assert.Equal(before, await _app.CountEventsAsync());
    }
}
