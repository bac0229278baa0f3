using System.Net;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Comments;

/// <summary>Residents' comments while an item is in consultation, through the real app: the API, the pages and their forms.</summary>
public sealed class CommentsTests(CommentsApp site) : IClassFixture<CommentsApp>
{
    private const string Items = CommentsApp.Items;

    [Fact]
    public async Task ResidentPostsWhileTheWindowIsOpenAndTheCommentIsListed()
    {
        var id = await site.ConsultingItemAsync();
        var opened = await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);
        Assert.True(opened.GetProperty("windowOpen").GetBoolean());

        var posted = await (await site.PostAsync(site.Resident, id, "建议换成**节能灯**")).Expect(HttpStatusCode.OK);

        Assert.Equal(1, posted.GetProperty("no").GetInt32());
        var listed = await CommentsOf(site.Resident, id);
        Assert.True(listed.GetProperty("windowOpen").GetBoolean());
        var comment = Assert.Single(listed.GetProperty("comments").EnumerateArray());
        Assert.Equal("建议换成**节能灯**", comment.GetProperty("text").GetString());
        // Residents are not named to residents; the clerk, acting for the council, sees who it was.
        Assert.Equal("resident", comment.GetProperty("author").GetString());
        var byClerk = Assert.Single((await CommentsOf(site.Clerk, id)).GetProperty("comments").EnumerateArray());
        Assert.NotEqual("resident", byClerk.GetProperty("author").GetString());
        var page = Html.Parse(await site.Resident.GetStringAsync($"/councils/lakeside/items/{id}"));
        Assert.Equal("节能灯", page.QuerySelector("#comment-1 strong")?.TextContent);
    }

    [Fact]
    public async Task PostIsRefusedWithProblemDetailsBeforeOpeningAfterClosingAndOnceTheStepIsOver()
    {
        var id = await site.ConsultingItemAsync();
        var before = await site.App.CountEventsAsync();
        await (await site.PostAsync(site.Resident, id, "还没开放")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(before, await site.App.CountEventsAsync());

        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);
        await (await site.Clerk.Post($"{Items}/{id}/comments/close", new { reason = "商议结束" })).Expect(HttpStatusCode.OK);
        var closed = await (await site.PostAsync(site.Resident, id, "关了")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("closed", closed.GetProperty("detail").GetString());

        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);
        await (await site.Clerk.Post($"{Items}/{id}/record-consultation", new { summary = "同意" })).Expect(HttpStatusCode.OK);
        await (await site.Clerk.Post($"{Items}/{id}/complete-step")).Expect(HttpStatusCode.OK);
        await (await site.PostAsync(site.Resident, id, "进入表决后")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.False((await CommentsOf(site.Resident, id)).GetProperty("windowOpen").GetBoolean());
        Assert.Empty((await CommentsOf(site.Clerk, id)).GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task WindowOpensOnlyAtConsultation()
    {
        var created = await (await site.Resident.Post(Items, new { title = "还在提议", text = "提议阶段", category = "维修 Repairs", place = "村口" }))
            .Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await (await site.Clerk.Post($"{Items}/{id}/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);

        await (await site.OpenAsync(id)).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ClerkHidesWithAReasonAndThePublicPageShowsTheReasonNotTheText()
    {
        var id = await site.ConsultingItemAsync("湖边长椅");
        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);
        await (await site.PostAsync(site.Resident, id, "王某某家的狗天天乱叫")).Expect(HttpStatusCode.OK);
        await (await site.PostAsync(site.Resident, id, "长椅请装在树荫下")).Expect(HttpStatusCode.OK);

        // Hiding asks first: the item page links to a page that shows the comment and asks for the reason.
        var itemPage = Html.Parse(await site.Clerk.GetStringAsync($"/councils/lakeside/items/{id}"));
        var link = itemPage.QuerySelector("#comment-1 a[href$='/comments/1/hide']")?.GetAttribute("href");
        Assert.NotNull(link);
        var confirm = await site.Clerk.GetStringAsync(link);
        Assert.Contains("王某某家的狗天天乱叫", Html.Parse(confirm).QuerySelector("blockquote")?.TextContent);
        var hidden = await site.Clerk.PostAsync(link, Form(confirm, new() { ["Reason"] = "涉及他人隐私" }));
        Assert.Equal($"/councils/lakeside/items/{id}?done=comment-hidden#comments", hidden.Headers.Location?.OriginalString);

        await site.DiscloseAsync(id);

        var html = await site.App.Visitor().GetStringAsync($"/councils/lakeside/items/{id}");
        Assert.DoesNotContain("王某某家的狗天天乱叫", html);
        var page = Html.Parse(html);
        Assert.Contains("涉及他人隐私", page.QuerySelector("#comment-1")?.TextContent);
        Assert.Contains("长椅请装在树荫下", page.QuerySelector("#comment-2")?.TextContent);
        Assert.Null(page.QuerySelector("#comments form"));
        var api = await CommentsOf(site.App.Visitor(), id);
        var first = api.GetProperty("comments")[0];
        Assert.True(first.GetProperty("hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("text").ValueKind);
        Assert.Equal("涉及他人隐私", first.GetProperty("hiddenReason").GetString());
        Assert.DoesNotContain("王某某", api.GetRawText());
        // The comment stays in the record: the clerk still reads what was hidden.
        Assert.Equal("王某某家的狗天天乱叫", (await CommentsOf(site.Clerk, id)).GetProperty("comments")[0].GetProperty("text").GetString());
        // Hiding again is refused; a hide without a reason too.
        await (await site.Clerk.Post($"{Items}/{id}/comments/1/hide", new { reason = "再藏" })).ExpectProblem(HttpStatusCode.BadRequest);
        await (await site.Clerk.Post($"{Items}/{id}/comments/2/hide", new { reason = " " })).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CommentsOfAnUndisclosedItemAreNotPublic()
    {
        var id = await site.ConsultingItemAsync();
        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);
        await (await site.PostAsync(site.Resident, id, "内部讨论中的意见")).Expect(HttpStatusCode.OK);

        await (await site.App.Visitor().GetAsync($"{Items}/{id}/comments")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain("内部讨论中的意见", await (await site.App.Visitor().GetAsync($"/councils/lakeside/items/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ResendWithTheSameClientCommentIdPostsOnce()
    {
        var id = await site.ConsultingItemAsync();
        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);

        var first = await (await site.PostAsync(site.Resident, id, "同意", "resend-1")).Expect(HttpStatusCode.OK);
        var events = await site.App.CountEventsAsync();
        var again = await (await site.PostAsync(site.Resident, id, "同意", "resend-1")).Expect(HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("no").GetInt32(), again.GetProperty("no").GetInt32());
        Assert.Equal(events, await site.App.CountEventsAsync());
        Assert.Single((await CommentsOf(site.Resident, id)).GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task HostileMarkdownInACommentRendersInert()
    {
        var id = await site.ConsultingItemAsync();
        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);
        var parts = Chunks(HostileMarkdown.All, Deliberation.Domain.Comments.CommentThread.MaxLength).ToList();
        Assert.InRange(parts.Count, 1, Deliberation.Domain.Comments.CommentThread.MaxPerResidentInWindow);
        foreach (var part in parts) await (await site.PostAsync(site.Resident, id, part)).Expect(HttpStatusCode.OK);

        var page = Html.Parse(await site.Resident.GetStringAsync($"/councils/lakeside/items/{id}"));

        var comments = page.QuerySelector("#comments");
        Assert.NotNull(comments);
        Assert.Equal(parts.Count, comments.QuerySelectorAll("li[id^=comment-]").Length);
        Assert.Empty(HostileMarkdown.Unsafe(comments));
        Assert.Empty(comments.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task OnlyResidentsOfTheCouncilPostAndOnlyTheClerkOpens()
    {
        var id = await site.ConsultingItemAsync();
        await (await site.Resident.Post($"{Items}/{id}/comments/open", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);

        await (await site.PostAsync(site.Unverified, id, "我还没验证")).ExpectProblem(HttpStatusCode.Forbidden);
        var anonymous = await site.PostAsync(site.App.Visitor(), id, "我没登录");
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, anonymous.StatusCode.ToString());
        Assert.Empty((await CommentsOf(site.Clerk, id)).GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task TheSixthCommentInTenMinutesIsRefusedWithRetryAfter()
    {
        var id = await site.ConsultingItemAsync();
        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);
        for (var i = 0; i < Deliberation.Domain.Comments.CommentThread.MaxPerResidentInWindow; i++)
            await (await site.PostAsync(site.Resident, id, $"第 {i + 1} 条")).Expect(HttpStatusCode.OK);

        var refused = await site.PostAsync(site.Resident, id, "第 6 条");

        await refused.ExpectProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task FollowersAreToldWhenTheWindowOpens()
    {
        var id = await site.ConsultingItemAsync("村口垃圾桶");

        await (await site.OpenAsync(id)).Expect(HttpStatusCode.OK);

        var inbox = await (await site.Resident.GetAsync("/api/account/inbox")).Expect(HttpStatusCode.OK);
        var notice = Assert.Single(inbox.GetProperty("notices").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == "comments.opened" && n.GetProperty("subjectId").GetString() == id);
        Assert.Contains("村口垃圾桶", notice.GetProperty("text").GetString());
        Assert.Contains("请大家提意见", notice.GetProperty("text").GetString());
    }

    [Fact]
    public async Task WithoutScriptTheResidentPostsFromTheItemPageAndARefusalComesBackAsAMessage()
    {
        var id = await site.ConsultingItemAsync();
        var pagePath = $"/councils/lakeside/items/{id}";
        var clerkPage = await site.Clerk.GetStringAsync(pagePath);
        var opened = await site.Clerk.PostAsync($"{pagePath}/comments/window", Form(clerkPage, new() { ["Open"] = "true", ["Reason"] = "征求意见" }));
        Assert.Equal($"{pagePath}?done=comments-opened#comments", opened.Headers.Location?.OriginalString);

        var page = await site.Resident.GetStringAsync(pagePath);
        Assert.NotNull(Html.Parse(page).QuerySelector("#comments form textarea[name=Text]"));
        var posted = await site.Resident.PostAsync($"{pagePath}/comments", Form(page, new() { ["Text"] = "从网页提交的意见" }));
        Assert.Equal($"{pagePath}?done=comment-posted#comments", posted.Headers.Location?.OriginalString);
        var after = Html.Parse(await site.Resident.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.NotNull(after.QuerySelector("p.ok[role=status]"));
        Assert.Contains("从网页提交的意见", after.QuerySelector("#comment-1")?.TextContent);

        var empty = await site.Resident.PostAsync($"{pagePath}/comments", Form(page, new() { ["Text"] = " " }));
        var back = Html.Parse(await site.Resident.GetStringAsync(empty.Headers.Location!.OriginalString));
        Assert.NotNull(back.QuerySelector("p.error[role=alert]"));
        Assert.Single((await CommentsOf(site.Resident, id)).GetProperty("comments").EnumerateArray());
    }

    private static async Task<JsonElement> CommentsOf(HttpClient client, string id) =>
        await (await client.GetAsync($"{Items}/{id}/comments")).Expect(HttpStatusCode.OK);

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(page);
        fields.TryAdd("RequestId", Guid.NewGuid().ToString("n"));
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The text in pieces of at most <paramref name="max"/> characters, cut between paragraphs.</summary>
    private static IEnumerable<string> Chunks(string text, int max)
    {
        var piece = "";
        foreach (var paragraph in text.Split("\n\n"))
        {
            if (piece.Length > 0 && piece.Length + 2 + paragraph.Length > max)
            {
                yield return piece;
                piece = "";
            }
            piece = piece.Length == 0 ? paragraph : piece + "\n\n" + paragraph;
        }
        if (piece.Length > 0) yield return piece;
    }
}
