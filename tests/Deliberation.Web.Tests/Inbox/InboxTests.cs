using System.Net;
using System.Text.Json;
using Deliberation.Web.Inbox;
using Deliberation.Web.Tests.Escalations;
using Deliberation.Web.Tests.Grains;
using Deliberation.Web.Tests.Hosting;
using Deliberation.Web.Tests.ReadSide;

namespace Deliberation.Web.Tests.Inbox;

/// <summary>The submitter follows their topic and hears of each step in their inbox, once, also after a restart and a rebuild.</summary>
public sealed class InboxTests
{
    private const string Council = "/api/councils/lakeside";

    [Fact]
    public async Task TheSubmitterFollowsTheirTopicAndIsToldOnceOfTheDeclineWithItsReason()
    {
        using var app = new CouncilApp();
        var (resident, clerk) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"));
        var item = await EscalationJourneyTests.SubmitAsync(resident);

        await (await clerk.Post($"{Council}/items/{item}/decline", new { reason = "属于镇政府职责，已转告" })).Expect(HttpStatusCode.OK);

        var following = await (await resident.GetAsync("/api/account/following")).Expect(HttpStatusCode.OK);
        Assert.Contains(following.EnumerateArray(), f => f.GetProperty("itemId").GetString() == item);
        var inbox = await InboxOf(resident);
        var notice = Assert.Single(inbox.GetProperty("notices").EnumerateArray());
        Assert.Equal("item.declined", notice.GetProperty("kind").GetString());
        Assert.Contains("属于镇政府职责，已转告", notice.GetProperty("text").GetString());
        Assert.Equal(1, inbox.GetProperty("unread").GetInt64());
        // The clerk acted; they are not told of their own act.
        Assert.Empty((await InboxOf(clerk)).GetProperty("notices").EnumerateArray());
    }

    [Fact]
    public async Task EachStepAndEachDepartmentAnswerIsOneNoticeAndARebuildAfterARestartSendsNoneTwice()
    {
        using var site = new CouncilApp();
        string item;
        IReadOnlyList<string> before;
        using (var first = new CouncilApp().UseDatabaseOf(site))
        {
            var (resident, clerk, works) = (await first.SignedInAs("resident"), await first.SignedInAs("clerk"), await first.SignedInAs("works"));
            (item, var escalation) = await EscalationJourneyTests.RoutedAsync(first, resident, clerk);
            await (await works.Post($"{Council}/escalations/{escalation}/receive", new { response = "已签收" })).Expect(HttpStatusCode.OK);
            await (await works.Post($"{Council}/escalations/{escalation}/complete", new { result = "已更换灯泡" })).Expect(HttpStatusCode.OK);
            before = Kinds(await InboxOf(resident));
        }

        using var second = new CouncilApp().UseDatabaseOf(site);
        var again = await second.SignedInAs("resident");
        var afterRestart = Kinds(await InboxOf(again));
        await second.ReadSide().RebuildAsync(NoticesProjection.ProjectionName);
        var afterRebuild = Kinds(await InboxOf(again));

        Assert.Equal(["escalation.done", "escalation.received", "item.routed"], before);
        Assert.Equal(before, afterRestart);
        Assert.Equal(before, afterRebuild);
    }

    [Fact]
    public async Task MarkingReadClearsTheHeadersCountOnceAndAResendChangesNothing()
    {
        using var app = new CouncilApp();
        var (resident, clerk) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"));
        var item = await EscalationJourneyTests.SubmitAsync(resident);
        await (await clerk.Post($"{Council}/items/{item}/accept", new { })).Expect(HttpStatusCode.OK);
        var page = await resident.GetStringAsync("/account/inbox");
        Assert.Contains("1 条未读", Html.Parse(page).QuerySelector("header a[href='/account/inbox']")?.TextContent);
        var notice = Html.Parse(page).QuerySelector("li.notice.unread");
        Assert.Contains("已受理", notice?.TextContent);
        var noticeId = notice!.QuerySelector("input[name=NoticeId]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string>
        {
            ["NoticeId"] = noticeId, ["RequestId"] = "read-once-1", ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        };

        var posted = await resident.PostAsync("/account/inbox/read", new FormUrlEncodedContent(form));
        var eventsAfterFirst = await app.CountEventsAsync();
        await resident.PostAsync("/account/inbox/read", new FormUrlEncodedContent(form));

        Assert.Equal("/account/inbox?done=read", posted.Headers.Location?.OriginalString);
        Assert.Equal(eventsAfterFirst, await app.CountEventsAsync());
        var after = Html.Parse(await resident.GetStringAsync("/account/inbox"));
        Assert.Null(after.QuerySelector("header .unread-count"));
        Assert.Null(after.QuerySelector("li.notice.unread"));
        Assert.Equal(0, (await InboxOf(resident)).GetProperty("unread").GetInt64());
    }

    [Fact]
    public async Task AnOverdueEscalationIsToldToTheDepartmentsAccounts()
    {
        using var app = new CouncilApp().WithRemindersOnTestClock();

        await EscalationJourneyTests.EscalatePastDueAsync(app);

        var works = await app.SignedInAs("works");
        var kinds = Kinds(await InboxOf(works));
        Assert.Equal(["escalation.overdue", "escalation.response-overdue"], kinds);
        Assert.DoesNotContain("escalation.overdue", Kinds(await InboxOf(await app.SignedInAs("resident"))));
    }

    [Fact]
    public async Task AMergedTopicsNoticeLeadsToTheItemItJoinedAndProblemTextFollowsTheLanguage()
    {
        using var app = new CouncilApp();
        var (resident, clerk) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"));
        var item = await EscalationJourneyTests.SubmitAsync(resident);

        await (await clerk.Post($"{Council}/items/{item}/merge", new { intoItemId = "item-demo-lights", reason = "同一件事" })).Expect(HttpStatusCode.OK);
        await resident.GetAsync("/language/en");
        var notice = Assert.Single((await InboxOf(resident)).GetProperty("notices").EnumerateArray());

        Assert.Equal("/councils/lakeside/items/item-demo-lights", notice.GetProperty("link").GetString());
        Assert.StartsWith("The item", notice.GetProperty("text").GetString());
    }

    private static async Task<JsonElement> InboxOf(HttpClient client) =>
        await (await client.GetAsync("/api/account/inbox")).Expect(HttpStatusCode.OK);

    private static List<string> Kinds(JsonElement inbox) =>
        inbox.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("kind").GetString()!).ToList();
}
