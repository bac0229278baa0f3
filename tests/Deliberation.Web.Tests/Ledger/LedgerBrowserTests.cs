using Deque.AxeCore.Playwright;
using Deliberation.Web.Tests.Hosting.Browser;
using Microsoft.Playwright;

namespace Deliberation.Web.Tests.Ledger;

/// <summary>
/// In a real browser: the whistle from the clerk's triage form to the printed letter, the department's answer and the
/// resident's feedback; the dashboard's charts with script switched off; no serious or critical axe finding on the
/// ledger and the figures. The demo council has its months of history here.
/// </summary>
public sealed class LedgerBrowserTests : IAsyncLifetime
{
    private BrowserApp _browser = null!;

    public async Task InitializeAsync()
    {
        if (File.Exists(BrowserApp.Chromium)) _browser = await BrowserApp.StartAsync(new Dictionary<string, string?> { ["Demo:History"] = "true" });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [BrowserFact]
    public async Task TheClerkEscalatesAndPrintsTheLetterTheDepartmentAnswersAndTheResidentSeesTheFeedback()
    {
        const string item = "/councils/lakeside/items/item-demo-lights";
        var clerk = await _browser.PageAsync("clerk", path: item);
        await clerk.SelectOptionAsync("form[aria-labelledby=act-route] select[name=Department]", "town-works");
        await clerk.FillAsync("form[aria-labelledby=act-route] [name=Reason]", "路灯属镇城建办管理");
        await clerk.FillAsync("form[aria-labelledby=act-route] [name=Request]", "请一周内修复湖边步道路灯");
        await clerk.ClickAsync("form[aria-labelledby=act-route] button[type=submit]");
        await clerk.ClickAsync("a[href='/councils/lakeside/escalations/esc-item-demo-lights']");
        await clerk.ClickAsync("a[href$='/letter']");
        await Assertions.Expect(clerk.Locator("article.letter")).ToContainTextAsync("请一周内修复湖边步道路灯");
        await clerk.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(clerk.Locator("header").First).ToBeHiddenAsync();
        await Assertions.Expect(clerk.Locator("article.letter")).ToBeVisibleAsync();
        Assert.True((await clerk.PdfAsync()).Length > 1000);

        var works = await _browser.PageAsync("works", path: "/councils/lakeside/escalations/esc-item-demo-lights");
        await works.FillAsync("form[aria-labelledby=act-complete] [name=Text]", "已更换 6 盏节能灯");
        await works.ClickAsync("form[aria-labelledby=act-complete] button[type=submit]");
        await Assertions.Expect(works.Locator("#feedback").Locator("..")).ToContainTextAsync("已更换 6 盏节能灯");

        var resident = await _browser.PageAsync("resident", path: "/councils/lakeside/escalations/esc-item-demo-lights");
        await Assertions.Expect(resident.Locator("#feedback").Locator("..")).ToContainTextAsync("已更换 6 盏节能灯");
        await resident.CheckAsync("form[aria-labelledby=act-rate] input[name=Score][value='5']");
        await resident.ClickAsync("form[aria-labelledby=act-rate] button[type=submit]");

        var ledger = await _browser.PageAsync("clerk", path: "/councils/lakeside/ledger");
        var line = ledger.Locator("tr", new PageLocatorOptions { HasText = "湖边步道路灯维修" });
        await Assertions.Expect(line.Locator("td").Last).ToHaveTextAsync("5");
    }

    [BrowserFact]
    public async Task TheDashboardShowsItsChartsWithScriptSwitchedOff()
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _browser.Address.ToString(), Locale = "zh-CN", JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#login", "clerk");
        await page.FillAsync("#password", Hosting.CouncilApp.DemoPassword);
        await page.ClickAsync("form.stack button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));
        var lastMonth = DateTimeOffset.UtcNow.AddMonths(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync("/councils/lakeside/figures");
        await page.FillAsync("input[name=month]", lastMonth);
        await page.ClickAsync("form.filters button[type=submit]");

        Assert.Contains($"month={lastMonth}", page.Url);
        Assert.True(await page.Locator("svg[role=img]").CountAsync() >= 4);
        var box = await page.Locator("svg[role=img] rect").First.BoundingBoxAsync();
        Assert.True(box is { Width: > 0, Height: > 0 });
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("%");
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task AxeFindsNothingSeriousOnTheLedgerAndTheFigures()
    {
        var found = new List<string>();
        foreach (var (login, path) in new[]
                 {
                     ("clerk", "/councils/lakeside/ledger"), ("clerk", "/councils/lakeside/ledger?print=true"), ("clerk", "/councils/lakeside/figures"),
                     ("works", "/councils/lakeside/ledger"), ((string?)null, "/councils/lakeside/figures/public"), ("admin", "/figures/county"),
                     ("clerk", "/councils/lakeside"),
                 })
        {
            var page = await _browser.PageAsync(login, bypassCsp: true, path: path);
            var result = await page.RunAxe();
            found.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path} as {login}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}
