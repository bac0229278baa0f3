using Deque.AxeCore.Playwright;
using Deliberation.Web.Tests.Hosting.Browser;
using Deliberation.Web.Tests.Photos;
using Microsoft.Playwright;

namespace Deliberation.Web.Tests.PublicBoard;

/// <summary>
/// In a real browser, on one app for the class: a resident submits a topic with a photo from the form and finds the
/// clerk's acceptance in their inbox; a visitor who never signs in finds a decision by searching in Chinese and reads the
/// minutes of the meeting that decided it. Axe finds nothing serious or critical on the pages they pass through.
/// </summary>
public sealed class BoardBrowserTests(BoardBrowserTests.Site site) : IClassFixture<BoardBrowserTests.Site>
{
    [BrowserFact]
    public async Task AResidentSubmitsWithAPhotoAndIsNotifiedOfAcceptance()
    {
        var photo = Path.Combine(site.Folder, "drain.png");
        await File.WriteAllBytesAsync(photo, TestPhotos.Png(120, 90));
        var resident = await site.Browser.PageAsync("resident", bypassCsp: true, path: "/councils/lakeside/items/new");
        await resident.FillAsync("[name=Title]", "东巷排水沟堵塞");
        await resident.FillAsync("[name=Text]", "雨后积水到膝盖，请疏通东巷排水沟。");
        await resident.SelectOptionAsync("#submit-category", new SelectOptionValue { Index = 1 });
        await resident.SetInputFilesAsync("input[type=file][name=Photos]", photo);
        await resident.ClickAsync("form[action$='/items/new'] button[type=submit]");
        await resident.WaitForURLAsync(url => url.Contains("?done=submitted"));
        var itemPath = new Uri(resident.Url).AbsolutePath;
        // The photo as stored (re-encoded) loads back into the topic's page.
        await resident.WaitForFunctionAsync("() => [...document.querySelectorAll(\"img[src*='/photos/']\")].some(i => i.complete && i.naturalWidth > 0)");

        var clerk = await site.Browser.PageAsync("clerk", path: itemPath);
        await clerk.ClickAsync("form[aria-labelledby=act-accept] button[type=submit]");
        await clerk.WaitForURLAsync(url => url.Contains("?done=accept"));

        await resident.GotoAsync("/account/inbox");
        await Assertions.Expect(resident.Locator("main")).ToContainTextAsync("议题“东巷排水沟堵塞”已受理。");
        await Assertions.Expect(resident.Locator("a.inbox")).ToBeVisibleAsync();
        await site.ExpectNothingSeriousAsync(resident);
    }

    [BrowserFact]
    public async Task AVisitorFindsADecisionBySearchingInChineseAndOpensItsMinutes()
    {
        var visitor = await site.Browser.PageAsync(bypassCsp: true, path: "/councils/lakeside/board");
        await visitor.FillAsync("#board-q", "垃圾");
        await visitor.PressAsync("#board-q", "Enter");
        await visitor.WaitForURLAsync(url => url.Contains("q="));
        await site.ExpectNothingSeriousAsync(visitor);

        await visitor.ClickAsync("a[href='/councils/lakeside/items/item-demo-kiosks']");
        await Assertions.Expect(visitor.Locator("h1")).ToContainTextAsync("垃圾分类亭选址");
        await visitor.ClickAsync("a[href$='/meetings/meeting-demo-past/minutes']");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("垃圾分类亭选址");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("村民代表会议（第 11 次）");
        Assert.Equal("/councils/lakeside/meetings/meeting-demo-past/minutes", new Uri(visitor.Url).AbsolutePath);
        await site.ExpectNothingSeriousAsync(visitor);
    }

    /// <summary>One app and one Chromium for the class: the two journeys touch different items.</summary>
    public sealed class Site : IAsyncLifetime
    {
        public BrowserApp Browser { get; private set; } = null!;

        public string Folder { get; } = Directory.CreateTempSubdirectory("deliberation-board-browser").FullName;

        public async Task InitializeAsync()
        {
            if (File.Exists(BrowserApp.Chromium)) Browser = await BrowserApp.StartAsync();
        }

        public async Task DisposeAsync()
        {
            if (Browser is not null) await Browser.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }

        public async Task ExpectNothingSeriousAsync(IPage page)
        {
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
            Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        }
    }
}
