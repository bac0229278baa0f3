using System.Net;
using System.Text;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Ledger;

/// <summary>The demo council with its months of history, shared: these tests only read.</summary>
public sealed class LedgerHistoryApp() : CouncilApp(settings: new Dictionary<string, string?> { ["Demo:History"] = "true" });

/// <summary>
/// The ledger at size, over HTTP: its default period, keyset pages with no line lost or repeated, the filters kept in
/// the URL, and the CSV holding exactly the filter's lines.
/// </summary>
public sealed class LedgerPagingTests(LedgerHistoryApp app) : IClassFixture<LedgerHistoryApp>
{
    private const string Page = "/councils/lakeside/ledger";

    [Fact]
    public async Task TheDefaultPeriodIsThisMonthAndWhatIsStillUnsettledFromBefore()
    {
        var clerk = await app.SignedInAs("clerk");
        var all = await ApiAsync(clerk, "month=all");
        var thisMonth = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var shown = await WalkAsync(clerk, $"{Page}?size=200");

        var expected = all.Where(e => Month(e) == thisMonth || State(e) is "Escalated" or "Received" or "Returned").Select(Id).ToList();
        Assert.Equal(expected, shown);
        Assert.Contains(all, e => Month(e) != thisMonth && State(e) == "Done");
        Assert.True(shown.Count < all.Count, "the default period leaves settled entries of earlier months out");
        Assert.Equal(expected, (await ApiAsync(clerk, "")).Select(Id).ToList());
    }

    [Fact]
    public async Task AHandEditedAddressShowsTheLedgerWithItsDefaultsNotAnErrorPage()
    {
        var clerk = await app.SignedInAs("clerk");

        var odd = await clerk.GetAsync($"{Page}?size=abc&overdue=maybe&print=perhaps");
        var plain = await clerk.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.Equal(Lines(await plain.Content.ReadAsStringAsync()), Lines(await odd.Content.ReadAsStringAsync()));
    }

    private static List<string?> Lines(string html) =>
        Html.Parse(html).QuerySelectorAll("[data-entry]").Select(e => e.GetAttribute("data-entry")).ToList();

    [Fact]
    public async Task PagesWalkEveryLineOnceForwardAndBack()
    {
        var clerk = await app.SignedInAs("clerk");
        var all = (await ApiAsync(clerk, "month=all")).Select(Id).ToList();
        Assert.True(all.Count > 15, $"the history has enough escalations for several pages ({all.Count})");

        var pages = new List<List<string>>();
        string? next = $"{Page}?month=all&size=4";
        while (next is not null)
        {
            var html = Html.Parse(await clerk.GetStringAsync(next));
            pages.Add(Rows(html));
            Assert.InRange(pages[^1].Count, 1, 4);
            next = html.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            if (next is not null) Assert.Contains("month=all", next);
        }
        Assert.Equal(all, pages.SelectMany(p => p).ToList());
        Assert.Equal((all.Count + 3) / 4, pages.Count);

        // And back from the last page by the previous links, page by page.
        var last = Html.Parse(await clerk.GetStringAsync(await LastPageLinkAsync(clerk, $"{Page}?month=all&size=4")));
        var back = new List<List<string>> { Rows(last) };
        var previous = last.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href");
        while (previous is not null)
        {
            var html = Html.Parse(await clerk.GetStringAsync(previous));
            back.Insert(0, Rows(html));
            previous = html.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href");
        }
        Assert.Equal(pages, back);
    }

    [Theory]
    [InlineData("department=water&month=all")]
    [InlineData("state=Done&month=all")]
    [InlineData("department=town-works&state=Done&month=all")]
    [InlineData("overdue=true&month=all")]
    [InlineData("overdue=true")]
    [InlineData("")]
    public async Task EachFilterNarrowsThePageTheCsvAndTheApiAlike(string filter)
    {
        var clerk = await app.SignedInAs("clerk");
        var api = await ApiAsync(clerk, filter);
        Assert.All(api, e =>
        {
            if (filter.Contains("department=water")) Assert.Equal("water", e.GetProperty("entry").GetProperty("departmentId").GetString());
            if (filter.Contains("state=Done")) Assert.Equal("Done", State(e));
            if (filter.Contains("overdue=true")) Assert.True(e.GetProperty("overdueNow").GetBoolean());
        });

        Assert.NotEmpty(api);
        var shown = await WalkAsync(clerk, $"{Page}?{filter}&size=3");
        var csv = await CsvAsync(clerk, filter);
        var first = Html.Parse(await clerk.GetStringAsync($"{Page}?{filter}"));

        Assert.Equal(api.Select(Id).ToList(), shown);
        Assert.Equal(api.Select(e => e.GetProperty("entry").GetProperty("referenceNo").GetString()!).ToList(), csv.Skip(1).Select(r => r[0]).ToList());
        Assert.Equal(api.Count.ToString(), first.QuerySelector("[data-lines]")!.GetAttribute("data-lines"));
    }

    [Fact]
    public async Task OneMonthsFilterShowsThatMonthOnlyAndKeepsItInTheCsvLink()
    {
        var clerk = await app.SignedInAs("clerk");
        var all = await ApiAsync(clerk, "month=all");
        var month = all.GroupBy(Month).OrderByDescending(g => g.Count()).First().Key;

        var html = Html.Parse(await clerk.GetStringAsync($"{Page}?month={month}"));

        Assert.Equal(all.Where(e => Month(e) == month).Select(Id).ToList(), Rows(html));
        Assert.Contains(html.QuerySelectorAll("a[download]"), a => a.GetAttribute("href") == $"/councils/lakeside/ledger.csv?month={month}");
        Assert.Equal(month, html.QuerySelector("select[name=month] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task ThePrintViewHoldsTheWholeFilteredSetOnOnePaper()
    {
        var clerk = await app.SignedInAs("clerk");
        var done = (await ApiAsync(clerk, "state=Done&month=all")).Select(Id).ToList();
        Assert.True(done.Count > 4, $"more done entries than a page of 4 ({done.Count})");

        var html = Html.Parse(await clerk.GetStringAsync($"{Page}?state=Done&month=all&size=4&print=true"));

        Assert.Equal(done, Rows(html));
        Assert.Null(html.QuerySelector("nav.pager"));
    }

    [Fact]
    public async Task TheApiAnswersAPageAtATimeWithALinkToTheNextThatKeepsTheFilter()
    {
        var clerk = await app.SignedInAs("clerk");
        var all = (await ApiAsync(clerk, "month=all")).Select(Id).ToList();

        var first = await (await clerk.GetAsync("/api/councils/lakeside/ledger?month=all")).Expect(HttpStatusCode.OK);
        var small = await (await clerk.GetAsync("/api/councils/lakeside/ledger?month=all&size=3")).Expect(HttpStatusCode.OK);

        Assert.Equal(all.Take(50), first.GetProperty("entries").EnumerateArray().Select(Id));
        Assert.Equal(all.Count > 50, first.GetProperty("next").ValueKind == JsonValueKind.String);
        Assert.Equal(all.Take(3), small.GetProperty("entries").EnumerateArray().Select(Id));
        var next = small.GetProperty("next").GetString()!;
        Assert.StartsWith("/api/councils/lakeside/ledger?", next);
        Assert.Contains("month=all", next);
        Assert.Contains("size=3", next);
        var second = await (await clerk.GetAsync(next)).Expect(HttpStatusCode.OK);
        Assert.Equal(all.Skip(3).Take(3), second.GetProperty("entries").EnumerateArray().Select(Id));
    }

    [Theory]
    [InlineData("after=nonsense")]
    [InlineData("after=2026-1.esc-x")]
    [InlineData("size=0")]
    [InlineData("size=201")]
    [InlineData("size=abc")]
    [InlineData("overdue=maybe")]
    public async Task TheApiAnswersABadCursorSizeOrFlagWithAProblem(string query)
    {
        var clerk = await app.SignedInAs("clerk");

        var problem = await (await clerk.GetAsync($"/api/councils/lakeside/ledger?{query}")).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(query.Split('=')[0], problem.GetProperty("detail").GetString());
    }

    private static async Task<List<string>> WalkAsync(HttpClient client, string first)
    {
        var ids = new List<string>();
        string? next = first;
        while (next is not null)
        {
            var html = Html.Parse(await client.GetStringAsync(next));
            ids.AddRange(Rows(html));
            next = html.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        }
        return ids;
    }

    private static async Task<string> LastPageLinkAsync(HttpClient client, string first)
    {
        var link = first;
        while (Html.Parse(await client.GetStringAsync(link)).QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href") is { } next) link = next;
        return link;
    }

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument html) =>
        html.QuerySelectorAll("tr[data-entry]").Select(r => r.GetAttribute("data-entry")!).ToList();

    // Every page of the API's answer, by its next links.
    private static async Task<List<JsonElement>> ApiAsync(HttpClient client, string filter)
    {
        var entries = new List<JsonElement>();
        string? next = $"/api/councils/lakeside/ledger?{filter}&size=7";
        while (next is not null)
        {
            var page = await (await client.GetAsync(next)).Expect(HttpStatusCode.OK);
            entries.AddRange(page.GetProperty("entries").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return entries;
    }

    private static async Task<List<List<string>>> CsvAsync(HttpClient client, string filter)
    {
        var response = await client.GetAsync($"/councils/lakeside/ledger.csv?{filter}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return LedgerTests.Parse(new UTF8Encoding(false).GetString(bytes[3..]));
    }

    private static string Id(JsonElement e) => e.GetProperty("entry").GetProperty("id").GetString()!;

    private static string State(JsonElement e) => e.GetProperty("entry").GetProperty("state").GetString()!;

    private static string Month(JsonElement e) =>
        e.GetProperty("entry").GetProperty("since").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
