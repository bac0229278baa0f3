using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Deliberation.Web.Tests.Hosting.Browser;
using Microsoft.Playwright;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>
/// The hall in real browsers: the chair's console, three members' phones and the wall display, each in its own
/// browser context, follow one ballot from opening to result with no reload (a mark set on each page at the start is
/// still there at the end: the page was never loaded again); and a member's request for the floor reaches the console
/// and the wall the same way.
/// </summary>
public sealed class LiveHallBrowserTests : IAsyncLifetime
{
    private const string Meeting = "/councils/lakeside/meetings/meeting-demo-next";
    private BrowserApp _browser = null!;

    public async Task InitializeAsync()
    {
        if (File.Exists(BrowserApp.Chromium)) _browser = await BrowserApp.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [BrowserFact]
    public async Task ChairOpensABallotThreeMembersVoteAndConsoleAndDisplayShowTurnoutAndResultWithoutAReload()
    {
        var display = await LiveAsync("member4", "display");
        var console = await LiveAsync("chair", "console");
        await ConfirmAsync(console, "#open-meeting");
        await Expect(console, "#console-status", "进行中");
        await console.ClickAsync("#all-present");
        await Expect(console, "#console-present", "出席 5 / 5");
        await Expect(display, "#hall-present", "5 / 5");
        await console.ClickAsync("section[aria-labelledby=agenda-title] button");
        await ConfirmAsync(console, "#open-ballot");
        await Expect(display, "#hall-turnout", "已投 0 票，共 5 人可投");

        var members = new List<IPage>();
        foreach (var login in new[] { "member1", "member2", "member3" }) members.Add(await LiveAsync(login, "member"));
        await members[0].ClickAsync(".vote-for");
        await members[1].ClickAsync(".vote-for");
        await members[2].ClickAsync(".vote-against");
        foreach (var member in members) await Expect(member, ".receipt", "您的投票已记录");

        await Expect(console, "#console-turnout", "已投 3 票，共 5 人可投");
        await Expect(display, "#hall-turnout", "已投 3 票，共 5 人可投");
        await ConfirmAsync(console, "#close-ballot");
        await Expect(display, "#hall-result", "未通过");
        await Expect(console, "#console-result", "未通过");
        await Expect(members[0], "section[aria-labelledby^=ballot-]", "未通过");

        foreach (var page in members.Append(console).Append(display))
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), $"{page.Url} was loaded again");
    }

    [BrowserFact]
    public async Task TheLiveScreensHaveNoSeriousOrCriticalAccessibilityViolation()
    {
        var chair = await LiveAsync("chair", "console");
        await ConfirmAsync(chair, "#open-meeting");
        await chair.ClickAsync("#all-present");
        await chair.ClickAsync("section[aria-labelledby=agenda-title] button");
        await ConfirmAsync(chair, "#open-ballot");
        await Expect(chair, "#console-turnout", "已投 0 票");

        var found = new List<string>();
        foreach (var (login, screen) in new[] { ("chair", "console"), ("member1", "member"), ((string?)null, "display") })
        {
            var page = await LiveAsync(login, screen, bypassCsp: true);
            var result = await page.RunAxe();
            found.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{screen}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [BrowserFact]
    public async Task AMemberAsksForTheFloorAndTheWallShowsThemSpeakingWithoutAReloadAndTheScreensPassAxe()
    {
        var display = await LiveAsync(null, "display");
        var console = await LiveAsync("chair", "console");
        await ConfirmAsync(console, "#open-meeting");
        await console.ClickAsync("section[aria-labelledby=agenda-title] button");
        var phone = await LiveAsync("member1", "member");

        await phone.ClickAsync("#request-floor");
        await Expect(phone, "#your-place", "排第 1 位");
        await Expect(console, "#console-waiting", "张代表");
        await Expect(display, "#hall-next", "张代表");
        await console.ClickAsync("#console-waiting button");

        await Expect(display, "#hall-speaker", "张代表 Rep. Zhang");
        await Expect(phone, "#you-speak", "您正在发言");
        await Assertions.Expect(display.Locator("#hall-clock")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[23]:[0-5][0-9]$"));
        foreach (var page in new[] { display, console, phone })
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), $"{page.Url} was loaded again");

        var found = new List<string>();
        foreach (var (login, screen) in new[] { ("chair", "console"), ("member1", "member"), ((string?)null, "display") })
        {
            var page = await LiveAsync(login, screen, bypassCsp: true);
            var result = await page.RunAxe();
            found.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{screen}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        }
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    /// <summary>A live screen of the demo meeting, signed in as <paramref name="login"/>, with its circuit running.</summary>
    private async Task<IPage> LiveAsync(string? login, string screen, bool bypassCsp = false)
    {
        var page = await _browser.PageAsync(login, bypassCsp, $"{Meeting}/{screen}");
        await _browser.WaitUntilLiveAsync(page);
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        return page;
    }

    /// <summary>A step that cannot be undone: the first press asks, the second (the dialog's) does it.</summary>
    private static async Task ConfirmAsync(IPage page, string button)
    {
        await page.ClickAsync(button);
        await page.ClickAsync(".confirm button.danger");
    }

    private static Task Expect(IPage page, string selector, string text) =>
        Assertions.Expect(page.Locator(selector).First).ToContainTextAsync(text, new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
}
