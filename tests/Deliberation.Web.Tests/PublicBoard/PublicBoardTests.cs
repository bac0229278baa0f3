using System.Net;
using System.Text;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.PublicBoard;

/// <summary>The public board: disclosed decisions only, filtered and searched, in Chinese and English, on both storages.</summary>
public sealed class PublicBoardTests : IDisposable
{
    private const string Board = "/councils/lakeside/board";
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    // The demo's items that are not disclosed: awaiting triage (路灯), in consultation, declined. (The fence, rejected by
    // its vote, is disclosed as rejected.)
    public static readonly string[] Undisclosed = ["湖边步道路灯维修", "村口停车位规划", "建议在湖里承包养鱼"];

    [Fact]
    public async Task AnUndisclosedItemIsAbsentFromTheBoardSearchFeedAndOpenData()
    {
        var visitor = _app.Visitor();
        var answers = new Dictionary<string, string>();
        foreach (var path in new[] { Board, $"{Board}?q=路灯", $"{Board}?q=停车", $"{Board}?q=养鱼", "/councils/lakeside/feed.atom",
                     "/councils/lakeside/decisions.json", "/councils/lakeside/decisions.csv" })
        {
            var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers[path] = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        }

        foreach (var (path, body) in answers)
        foreach (var title in Undisclosed)
            Assert.False(body.Contains(title, StringComparison.Ordinal), $"{path} shows the undisclosed {title}");
        foreach (var path in new[] { Board, "/councils/lakeside/feed.atom", "/councils/lakeside/decisions.json", "/councils/lakeside/decisions.csv" })
            Assert.Contains("垃圾分类亭选址", answers[path]);
        Assert.Contains("item-demo-road", answers[Board]);
        Assert.Contains("item-demo-fence", answers[Board]);
    }

    [Fact]
    public async Task SearchFindsATwoCharacterChineseWordOnlyOnceItIsDisclosed() => await FindsLampsAsync(_app);

    [PostgresFact]
    public async Task SearchFindsATwoCharacterChineseWordOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp().UsePostgres(database.ConnectionString);
        await FindsLampsAsync(app);
    }

    private static async Task FindsLampsAsync(CouncilApp app)
    {
        var before = await app.Visitor().GetStringAsync($"{Board}?q=路灯");
        await app.DiscloseAsync("item-demo-lights");

        var after = await app.Visitor().GetStringAsync($"{Board}?q=路灯");
        var oneCharacter = await app.Visitor().GetStringAsync($"{Board}?q=灯");
        var notThere = await app.Visitor().GetStringAsync($"{Board}?q=路口");

        Assert.DoesNotContain("item-demo-lights", before);
        Assert.Contains("/councils/lakeside/items/item-demo-lights", after);
        Assert.Contains("湖边步道<mark>路灯</mark>维修", after);
        Assert.DoesNotContain("item-demo-kiosks", after);
        Assert.Contains("item-demo-lights", oneCharacter);
        Assert.DoesNotContain("item-demo-lights", notThere);
    }

    [Fact]
    public async Task SearchFindsEnglishWordsAndMarksThemInEscapedText()
    {
        var id = await _app.SubmitAsync("Street <b>lamps</b> by the lake", "Six lamps are out & the path is dark.");
        await _app.DiscloseAsync(id);

        var found = await _app.Visitor().GetStringAsync($"{Board}?q=LAMPS+dark");
        var missing = await _app.Visitor().GetStringAsync($"{Board}?q=lamps+bright");

        Assert.Contains($"/councils/lakeside/items/{id}", found);
        Assert.Contains("Street &lt;b&gt;<mark>lamps</mark>&lt;/b&gt; by the lake", found);
        Assert.Contains("<mark>dark</mark>", found);
        Assert.DoesNotContain("<b>lamps", found);
        Assert.DoesNotContain(id, missing);
    }

    [Fact]
    public async Task FiltersNarrowTheBoardByCategoryStepBodyAndYear()
    {
        var visitor = _app.Visitor();
        var year = DateTimeOffset.UtcNow.Year;

        var roads = await visitor.GetStringAsync($"{Board}?category=道路");
        var closed = await visitor.GetStringAsync($"{Board}?step=status-closed");
        var inNotice = await visitor.GetStringAsync($"{Board}?step=disclosure");
        var byBody = await visitor.GetStringAsync($"{Board}?body=villager-representatives");
        var otherBody = await visitor.GetStringAsync($"{Board}?body=party-members");
        var longAgo = await visitor.GetStringAsync($"{Board}?year={year - 5}");

        Assert.Contains("item-demo-road", roads);
        Assert.DoesNotContain("item-demo-kiosks", roads);
        Assert.Contains("item-demo-road", closed);
        Assert.DoesNotContain("item-demo-canteen", closed);
        Assert.Contains("item-demo-kiosks", inNotice);
        Assert.DoesNotContain("item-demo-road", inNotice);
        foreach (var item in new[] { "item-demo-kiosks", "item-demo-canteen", "item-demo-road" }) Assert.Contains(item, byBody);
        Assert.DoesNotContain("item-demo-kiosks", otherBody);
        Assert.Contains("item-demo-fence", otherBody);
        Assert.DoesNotContain("item-demo-kiosks", longAgo);
    }

    [Fact]
    public async Task TheCouncilHomeLinksTheBoardAndTheBoardLinksItsFeedsAndArchive()
    {
        var home = Html.Parse(await _app.Visitor().GetStringAsync("/councils/lakeside"));
        var board = Html.Parse(await _app.Visitor().GetStringAsync(Board));

        Assert.NotNull(home.QuerySelector($"a[href='{Board}']"));
        foreach (var page in new[] { home, board })
            Assert.Equal("/councils/lakeside/feed.atom", page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        foreach (var href in new[] { "/councils/lakeside/feed.atom", "/councils/lakeside/decisions.json", "/councils/lakeside/decisions.csv", "/councils/lakeside/meetings/archive" })
            Assert.NotNull(board.QuerySelector($"main a[href='{href}']"));
        Assert.Empty(board.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task ABoardOfACouncilThatDoesNotExistIsNotFound()
    {
        var response = await _app.Visitor().GetAsync("/councils/nowhere/board");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
