using System.Net;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Minutes;

public sealed class MinutesTests(MinutesApp app) : IClassFixture<MinutesApp>
{
    private const string Council = ClosedMeeting.Council;

    [Fact]
    public async Task MinutesDraftedFromAHeldMeetingHoldItsAttendanceAndResults()
    {
        var meetingId = await ClosedMeeting.HoldAsync(app);
        var clerk = await app.SignedInAs("clerk");

        var minutes = await (await clerk.GetAsync($"{Council}/meetings/{meetingId}/minutes")).Expect(HttpStatusCode.OK);

        var draft = minutes.GetProperty("draft");
        var attendance = draft.GetProperty("attendance").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Equal("Present", attendance["李主任 Chair Li"].GetProperty("attendance").GetString());
        Assert.Equal("Absent", attendance["刘代表 Rep. Liu"].GetProperty("attendance").GetString());
        Assert.Equal("Proxy", attendance["张代表 Rep. Zhang"].GetProperty("attendance").GetString());
        Assert.True(draft.GetProperty("quorum").GetProperty("held").GetBoolean());
        var item = Assert.Single(draft.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("takenUp").GetBoolean());
        Assert.Equal("垃圾分类亭选址", item.GetProperty("title").GetString());
        var ballot = Assert.Single(draft.GetProperty("ballots").EnumerateArray());
        Assert.Equal(2, ballot.GetProperty("tally").GetProperty("for").GetProperty("members").GetInt32());
        Assert.Equal(1, ballot.GetProperty("tally").GetProperty("against").GetProperty("members").GetInt32());
        var votes = ballot.GetProperty("votes").EnumerateArray().ToDictionary(v => v.GetProperty("voterName").GetString()!);
        Assert.Equal("Against", votes["刘代表 Rep. Liu"].GetProperty("choice").GetString());
        Assert.Equal("张代表 Rep. Zhang", votes["刘代表 Rep. Liu"].GetProperty("castByName").GetString());
        Assert.Empty(draft.GetProperty("speeches").EnumerateArray());
        // Nothing is published yet: the public finds no minutes.
        await (await app.Visitor().GetAsync($"{Council}/meetings/{meetingId}/minutes")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PublishedMinutesCannotBeChangedThroughAnyEndpoint()
    {
        var meetingId = await ClosedMeeting.HoldAsync(app);
        await ClosedMeeting.PublishAsync(app, meetingId, "原始记录");
        var path = $"{Council}/meetings/{meetingId}/minutes";
        var before = await PublishedAsync(path);
        Assert.Equal("原始记录", before[0].GetProperty("discussion").GetString());

        // Every write the app maps under a meeting's minutes, by the clerk and the chair, with every field it could take.
        var writes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("minutes") == true
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Any(m => m != "GET" && m != "HEAD") == true)
            .Select(e => System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, "{(councilId|meetingId)}",
                m => m.Groups[1].Value.Equals("councilId", StringComparison.OrdinalIgnoreCase) ? "lakeside" : meetingId,
                System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .ToList();
        Assert.True(writes.Count >= 3, string.Join(", ", writes));
        foreach (var login in new[] { "clerk", "chair" })
        {
            var client = await app.SignedInAs(login);
            foreach (var url in writes)
                await client.Post(url, new { markdown = "篡改", reason = "篡改", version = 1, draft = new { title = "篡改" }, discussion = "篡改", requestId = Guid.NewGuid().ToString("N") });
        }

        var after = await PublishedAsync(path);
        Assert.Equal(JsonSerializer.Serialize(before[0]), JsonSerializer.Serialize(after[0] is var v && v.TryGetProperty("correctedBy", out _) ? Without(v, "correctedBy") : v));
        // And publishing what is published is refused outright.
        await (await (await app.SignedInAs("clerk")).Post($"{path}/publish", new { reason = "再发一次" })).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ACorrectionIsANewVersionLinkedBothWaysAndTheOldOneStaysReadable()
    {
        var meetingId = await ClosedMeeting.HoldAsync(app);
        await ClosedMeeting.PublishAsync(app, meetingId, "张代表发言：同意。");
        var (clerk, chair) = (await app.SignedInAs("clerk"), await app.SignedInAs("chair"));
        var path = $"{Council}/meetings/{meetingId}/minutes";

        await (await clerk.Post($"{path}/discussion", new { markdown = "张代表发言：原则同意，建议加盖。" })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{path}/approve")).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{path}/publish", new { reason = "补记张代表的建议" })).Expect(HttpStatusCode.OK);

        var versions = await PublishedAsync(path);
        Assert.Equal(2, versions.Count);
        Assert.Equal(2, versions[0].GetProperty("correctedBy").GetInt32());
        Assert.Equal(1, versions[1].GetProperty("corrects").GetInt32());
        Assert.Equal("张代表发言：同意。", versions[0].GetProperty("discussion").GetString());
        var visitor = app.Visitor();
        var first = Html.Parse(await visitor.GetStringAsync($"/councils/lakeside/meetings/{meetingId}/minutes?version=1"));
        var second = Html.Parse(await visitor.GetStringAsync($"/councils/lakeside/meetings/{meetingId}/minutes"));
        Assert.Contains("张代表发言：同意。", first.Body!.TextContent);
        Assert.Contains(first.QuerySelectorAll(".correction a"), a => a.GetAttribute("href")!.EndsWith("version=2"));
        Assert.Contains(second.QuerySelectorAll(".correction a"), a => a.GetAttribute("href")!.EndsWith("version=1"));
        Assert.Contains("补记张代表的建议", second.Body!.TextContent);
    }

    [Fact]
    public async Task HostileMarkdownInTheDiscussionRendersInertInThePreviewAndWhenPublished()
    {
        var meetingId = await ClosedMeeting.HoldAsync(app);
        var clerk = await app.SignedInAs("clerk");
        var edit = $"/councils/lakeside/meetings/{meetingId}/minutes/edit";

        // The preview is a plain form post that draws the page again: no script needed, nothing saved.
        var token = Html.AntiforgeryToken(await clerk.GetStringAsync(edit));
        var preview = await clerk.PostAsync(edit, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "discussion", ["__RequestVerificationToken"] = token, ["Text.Markdown"] = HostileMarkdown.All, ["Text.Do"] = "preview",
            ["Text.RequestId"] = "preview-1",
        }));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.True(preview.StatusCode == HttpStatusCode.OK, previewHtml);
        Assert.Contains("msgbox", previewHtml);
        Assert.Empty(HostileMarkdown.Unsafe(Html.Parse(previewHtml)));
        var unsaved = await (await clerk.GetAsync($"{Council}/meetings/{meetingId}/minutes")).Expect(HttpStatusCode.OK);
        Assert.Equal("", unsaved.GetProperty("discussion").GetString());

        await ClosedMeeting.PublishAsync(app, meetingId, HostileMarkdown.All);
        var page = await app.Visitor().GetStringAsync($"/councils/lakeside/meetings/{meetingId}/minutes");
        Assert.Contains("msgbox", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.Empty(HostileMarkdown.Unsafe(Html.Parse(page)));
    }

    [Fact]
    public async Task TheItemPageLinksTheMinutesOfTheMeetingThatTookItUp()
    {
        var meetingId = await ClosedMeeting.HoldAsync(app);
        await ClosedMeeting.PublishAsync(app, meetingId, "纪要");

        var page = Html.Parse(await app.Visitor().GetStringAsync("/councils/lakeside/items/item-demo-kiosks"));

        var links = page.QuerySelectorAll("#item-minutes ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/councils/lakeside/meetings/{meetingId}/minutes", links);
        Assert.Contains("/councils/lakeside/meetings/meeting-demo-past/minutes", links);
    }

    [Fact]
    public async Task AVersionThatIsNoNumberIsNotFoundRatherThanAnError()
    {
        var response = await app.Visitor().GetAsync("/councils/lakeside/meetings/meeting-demo-past/minutes?version=abc");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheDemoCouncilHasAPastMeetingWithPublishedMinutes()
    {
        var page = Html.Parse(await app.Visitor().GetStringAsync("/councils/lakeside/meetings/meeting-demo-past/minutes"));

        var text = page.Body!.TextContent;
        Assert.Contains("村民代表会议（第 11 次）", text);
        Assert.Contains("垃圾分类亭选址", text);
        Assert.Contains("陈代表 Rep. Chen", text);
        Assert.Contains("赵代表 Rep. Zhao", text);
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][media=print]"));
        var api = await (await app.Visitor().GetAsync($"{Council}/meetings/meeting-demo-past/minutes")).Expect(HttpStatusCode.OK);
        var ballot = Assert.Single(api.GetProperty("versions")[0].GetProperty("draft").GetProperty("ballots").EnumerateArray());
        Assert.Equal(4, ballot.GetProperty("tally").GetProperty("for").GetProperty("members").GetInt32());
        Assert.Single(api.GetProperty("versions")[0].GetProperty("draft").GetProperty("resolutions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, api.GetProperty("discussion").ValueKind);
    }

    private async Task<List<JsonElement>> PublishedAsync(string path) =>
        (await (await app.Visitor().GetAsync(path)).Expect(HttpStatusCode.OK)).GetProperty("versions").EnumerateArray().ToList();

    private static JsonElement Without(JsonElement element, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText())!.AsObject();
        node[property] = null;
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }
}
