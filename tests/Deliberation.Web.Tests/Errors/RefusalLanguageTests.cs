using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Web.Tests.Errors;

/// <summary>
/// A refusal says why in the person's language: a problem's detail follows the language the request asked for
/// (English, as before, when it asked for none), and a refused form says why in the page's language.
/// </summary>
public sealed partial class RefusalLanguageTests(RefusalLanguageTests.App app) : IClassFixture<RefusalLanguageTests.App>
{
    private const string Council = CouncilAppSteps.Council;
    private const string Playground = $"{Council}/items/item-demo-playground";

    public sealed class App : CouncilApp;

    [Fact]
    public async Task ASecondVoteAndAVoteOnAClosedBallotAreRefusedInTheLanguageAskedFor()
    {
        var (_, ballot) = await app.PartyMeetingVotingAsync();
        var ids = await app.UserIdsAsync();
        var (chinese, english, none) = (await As("member1", "zh-CN,zh;q=0.9"), await As("member1", "en-GB"), await As("member1", null));
        await (await chinese.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);

        var zh = await (await chinese.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-2" })).ExpectProblem(HttpStatusCode.Conflict);
        var en = await (await english.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-3" })).ExpectProblem(HttpStatusCode.Conflict);
        var plain = await (await none.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-4" })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("这一票已经投过，不能再投。", Detail(zh));
        Assert.Equal("This vote has been cast already; it cannot be cast again.", Detail(en));
        Assert.Equal(Detail(en), Detail(plain));
        Assert.Equal(Type(plain), Type(zh));
        Assert.Equal(Type(plain), Type(en));

        // Over the hub: the refusal in the connection's language (its language cookie), English without one.
        var ballotId = ballot.Split('/')[^1];
        var cookie = await SignInCookieAsync("member3");
        await using var chineseScreen = await app.HubWithCookieAsync("/hubs/meeting", $"{cookie}; {LanguageCookie("zh-Hans")}");
        await using var plainScreen = await app.HubWithCookieAsync("/hubs/meeting", cookie);
        var toldInChinese = await Assert.ThrowsAsync<HubException>(() =>
            chineseScreen.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "x-1", null)));
        var toldPlainly = await Assert.ThrowsAsync<HubException>(() =>
            plainScreen.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "x-2", null)));
        Assert.Contains("只有到会的本议事机构代表可以在此表决中投票", toldInChinese.Message);
        Assert.Contains("Only a member of this body", toldPlainly.Message);

        await (await (await app.SignedInAs("chair")).Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        var closed = await (await chinese.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "p-1", voterId = ids["刘代表 Rep. Liu"] }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("表决已结束。", Detail(closed));
    }

    [Fact]
    public async Task AMeetingOrBallotTheHubCannotFindIsNamedInTheConnectionsLanguage()
    {
        await using var chineseScreen = await app.HubWithCookieAsync("/hubs/meeting", LanguageCookie("zh-Hans"));
        await using var plainScreen = await app.HubWithCookieAsync("/hubs/meeting", null);

        var noMeeting = await Assert.ThrowsAsync<HubException>(() => chineseScreen.InvokeAsync<MeetingLive>("Join", "lakeside", "meeting-nothing-here"));
        var noRoll = await Assert.ThrowsAsync<HubException>(() =>
            chineseScreen.InvokeAsync<IReadOnlyList<AttendanceView>>("GetAttendance", "lakeside", "meeting-nothing-here"));
        var noBallot = await Assert.ThrowsAsync<HubException>(() => chineseScreen.InvokeAsync<BallotView>("GetBallot", "lakeside", "ballot-nothing-here"));
        var plainly = await Assert.ThrowsAsync<HubException>(() => plainScreen.InvokeAsync<MeetingLive>("Join", "lakeside", "meeting-nothing-here"));

        Assert.EndsWith("没有这次会议。", noMeeting.Message, StringComparison.Ordinal);
        Assert.EndsWith("没有这次会议。", noRoll.Message, StringComparison.Ordinal);
        Assert.EndsWith("没有这项表决，或者它的议题尚未公开。", noBallot.Message, StringComparison.Ordinal);
        Assert.EndsWith("There is no such meeting.", plainly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnItemActionNotAllowedAtItsStepIsRefusedInChineseWithoutEnglishWords()
    {
        var (chinese, none) = (await As("clerk", "zh-CN"), await As("clerk", null));

        var zh = await (await chinese.Post($"{Playground}/accept", new { })).ExpectProblem(HttpStatusCode.Conflict);
        var plain = await (await none.Post($"{Playground}/accept", new { })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Contains("不能“受理”", Detail(zh));
        Assert.Contains("审核", Detail(zh));
        Assert.DoesNotMatch(Latin(), Detail(zh));
        Assert.StartsWith("Cannot accept: the item is at step ", Detail(plain));
        Assert.Equal(Type(plain), Type(zh));
    }

    [Fact]
    public async Task ABadRequestIdIsRefusedInChineseAndInEnglishAsBefore()
    {
        var (chinese, none) = (await As("clerk", "zh-CN"), await As("clerk", null));

        var zh = await (await chinese.Post($"{Playground}/accept", new { requestId = "has spaces" })).ExpectProblem(HttpStatusCode.BadRequest);
        var plain = await (await none.Post($"{Playground}/accept", new { requestId = "has spaces" })).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal("请求编号应为 1 到 100 个字符，只能使用英文字母、数字和标点，不含空格。", Detail(zh));
        Assert.Equal("A request id is 1 to 100 printable ASCII characters without spaces. (Parameter 'requestId')", Detail(plain));
    }

    [Fact]
    public async Task AnUnknownMeetingIsNotFoundInChinese()
    {
        var chinese = await As("clerk", "zh-CN");

        var zh = await (await chinese.GetAsync($"{Council}/meetings/no-such-meeting")).ExpectProblem(HttpStatusCode.NotFound);

        Assert.Equal("没有这次会议。", Detail(zh));
    }

    [Fact]
    public async Task TheLedgersRefusalsAndABodyTooLargeAreSaidInChineseAndInEnglishAsBefore()
    {
        var (chinese, none) = (await As("clerk", "zh-CN"), await As("clerk", null));
        var resident = await As("resident", "zh-CN");
        var body = new { title = "大", text = new string('大', 300 * 1024), category = "维修 Repairs", place = "湖边" };

        var badFilter = await (await chinese.GetAsync($"{Council}/ledger?overdue=maybe")).ExpectProblem(HttpStatusCode.BadRequest);
        var plainFilter = await (await none.GetAsync($"{Council}/ledger?overdue=maybe")).ExpectProblem(HttpStatusCode.BadRequest);
        var notReader = await (await resident.GetAsync($"{Council}/ledger")).ExpectProblem(HttpStatusCode.Forbidden);
        var tooLarge = await (await resident.Post($"{Council}/items", body)).ExpectProblem(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("overdue 应为 true 或 false。", Detail(badFilter));
        Assert.Equal("overdue is true or false.", Detail(plainFilter));
        Assert.Equal("台账由议事会的秘书、主持人和议事代表查阅；部门账号只看本部门的事项。", Detail(notReader));
        Assert.Equal("请求正文最多 256 KiB。", Detail(tooLarge));
    }

    [Fact]
    public async Task AFormRefusedOnAChinesePageSaysWhyInChineseAndOnAnEnglishPageInEnglish()
    {
        var clerk = await app.SignedInAs("clerk");
        var page = "/councils/lakeside/items/item-demo-playground";

        var chinese = await PostRefusedFormAsync(clerk, page);
        await clerk.GetAsync("/language/en");
        var english = await PostRefusedFormAsync(clerk, page);

        Assert.Contains("不能“受理”", chinese);
        Assert.DoesNotContain("Cannot accept", chinese);
        Assert.Contains("Cannot accept: the item is at step ", english);
    }

    [Fact]
    public async Task AMissingItemsPageInABrowserSaysWhyInThePagesLanguage()
    {
        var clerk = await app.SignedInAs("clerk");
        var request = new HttpRequestMessage(HttpMethod.Get, "/councils/lakeside/items/no-such-item");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("没有这个议题，或者它尚未公开。", page.QuerySelector("main .error[role='alert']")?.TextContent);
    }

    /// <summary>Posts the accept form (not allowed at the review step) and reads the message on the page it leads back to.</summary>
    private static async Task<string> PostRefusedFormAsync(HttpClient clerk, string page)
    {
        var form = await clerk.GetStringAsync(page);
        var posted = await clerk.PostAsync($"{page}/act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "accept", ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
        }));
        var back = posted.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith($"{page}?error=", back);
        var shown = Html.Parse(await clerk.GetStringAsync(back));
        return shown.QuerySelector("main .error[role='alert']")?.TextContent ?? "";
    }

    private async Task<string> SignInCookieAsync(string login)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false,
        });
        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { login, password = CouncilApp.DemoPassword });
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private static string LanguageCookie(string culture) =>
        $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)))}";

    private async Task<HttpClient> As(string login, string? language)
    {
        var client = await app.SignedInAs(login);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString() ?? "";

    private static string? Type(JsonElement problem) => problem.TryGetProperty("type", out var type) ? type.GetString() : null;

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();
}
