using System.Net;
using System.Text.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Deliberation.Web.Requests;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Requests;

/// <summary>The demo council with its months of small requests, for this class's tests (each reads its own account of what there is).</summary>
public sealed class RequestHistoryApp() : CouncilApp(settings: new Dictionary<string, string?> { ["Demo:History"] = "true" });

/// <summary>
/// The small requests' lists from their read model, over HTTP: the council's API and the volunteer's phone view in
/// keyset pages that hold each request once, a volunteer's own change seen on their next view, another council's
/// requests never, bad cursors refused. The stream catalogue (what the lists used to read) is the independent account.
/// </summary>
public sealed class SmallRequestListTests(RequestHistoryApp app) : IClassFixture<RequestHistoryApp>
{
    private const string Api = "/api/councils/lakeside/requests";
    private const string Mine = "/councils/lakeside/requests/mine";

    [Fact]
    public async Task TheCouncilsListPagesThroughEveryRequestOnceNewestChangeFirst()
    {
        var clerk = await app.SignedInAs("clerk");
        var catalogue = await CatalogueAsync();
        Assert.True(catalogue.Count > 30, $"the history has enough requests for several pages ({catalogue.Count})");

        var listed = await WalkApiAsync(clerk, $"{Api}?size=9");

        Assert.Equal(catalogue.Select(r => r.Id).Order(), listed.Select(Id).Order());
        var times = listed.Select(r => r.GetProperty("updatedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task AResidentReadsTheListWithoutWhoPostedOtherResidentsRequests()
    {
        var resident = await app.SignedInAs("resident");
        var me = await resident.IdOfAsync();

        var listed = await WalkApiAsync(resident, $"{Api}?size=200");

        Assert.Equal((await CatalogueAsync()).Count, listed.Count);
        Assert.All(listed, r => Assert.Contains(r.GetProperty("postedBy").GetString(), new[] { "resident", me }));
    }

    [Fact]
    public async Task AVolunteerPagesThroughWhatTheyHaveDoneOnceWhileTheOtherListsStayPut()
    {
        var volunteer = await app.SignedInAs("volunteer");
        var me = await volunteer.IdOfAsync();
        var done = (await CatalogueAsync()).Where(r => r.VolunteerId == me && r.Status is "Done" or "Confirmed").Select(r => r.Id).ToList();
        Assert.True(done.Count > 8, $"the volunteer has done enough for several pages ({done.Count})");

        var first = Html.Parse(await volunteer.GetStringAsync($"{Mine}?size=4"));
        var taken = Ids(first, "taken");
        var seen = new List<string>();
        AngleSharp.Html.Dom.IHtmlDocument? page = first;
        while (page is not null)
        {
            seen.AddRange(Ids(page, "done-by-me"));
            Assert.Equal(taken, Ids(page, "taken"));
            var next = page.QuerySelector("section[aria-labelledby=done-by-me] nav.pager a[rel=next]")?.GetAttribute("href");
            page = next is null ? null : Html.Parse(await volunteer.GetStringAsync(next));
        }

        Assert.Equal(done.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains($"({done.Count})", first.QuerySelector("#done-by-me")!.TextContent);
    }

    [Fact]
    public async Task AResidentPagesThroughTheSettledRequestsTheyPostedOnce()
    {
        var resident = await app.SignedInAs("resident");
        var me = await resident.IdOfAsync();
        var settled = (await CatalogueAsync()).Where(r => r.PostedBy == me && r.Status is "Done" or "Confirmed").Select(r => r.Id).ToList();
        Assert.True(settled.Count > 8, $"the resident has enough settled requests for several pages ({settled.Count})");

        var seen = new List<string>();
        string? next = $"{Mine}?size=4";
        while (next is not null)
        {
            var page = Html.Parse(await resident.GetStringAsync(next));
            seen.AddRange(page.QuerySelectorAll("#posted-done + ul li a").Select(a => a.GetAttribute("href")!.Split('/')[^1]));
            next = page.QuerySelector("nav.pager a[rel=next][href*='list=posted-done']")?.GetAttribute("href");
        }

        Assert.Equal(settled.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task ARequestAVolunteerTakesIsUnderWhatTheyTookWhenTheyComeBack()
    {
        var (resident, volunteer) = (await app.SignedInAs("resident"), await app.SignedInAs("volunteer"));
        var id = (await (await resident.Post(Api, new
        {
            title = "帮忙贴春联", details = "", category = "维修 Repairs", place = "2组8号",
            neededBy = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30),
        })).Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var before = await volunteer.GetStringAsync(Mine);
        Assert.Contains(id, Ids(Html.Parse(before), "to-take"));

        var taken = await volunteer.PostAsync($"/councils/lakeside/requests/{id}/act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "take", ["Back"] = "mine", ["__RequestVerificationToken"] = Html.AntiforgeryToken(before),
        }));

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var after = Html.Parse(await volunteer.GetStringAsync(taken.Headers.Location!.OriginalString));
        Assert.Contains(id, Ids(after, "taken"));
        Assert.DoesNotContain(id, Ids(after, "to-take"));
    }

    [Theory]
    [InlineData("after=nonsense")]
    [InlineData("after=2026-01-01.req-x")]
    [InlineData("size=0")]
    [InlineData("size=-3")]
    public async Task ABadCursorOrSizeIsAProblemNotAFirstPage(string query)
    {
        var clerk = await app.SignedInAs("clerk");

        var problem = await (await clerk.GetAsync($"{Api}?{query}")).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(query.Split('=')[0], problem.GetProperty("detail").GetString());
        var volunteer = await app.SignedInAs("volunteer");
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync($"{Mine}?list=done-by-me&{query}")).StatusCode);
    }

    [Fact]
    public async Task AnotherCouncilsListHoldsNoneOfThisCouncilsRequests()
    {
        var hillsideClerk = await app.HillsideWithClerkAsync("hill-clerk-requests");

        Assert.Empty(await WalkApiAsync(hillsideClerk, "/api/councils/hillside/requests"));
    }

    private async Task<IReadOnlyList<SmallRequestSummary>> CatalogueAsync() =>
        (await app.Services.GetRequiredService<IEventLog>().ListStreamsAsync(SmallRequestGrain.Category, "lakeside"))
            .Select(s => JsonSerializer.Deserialize<SmallRequestSummary>(s.Summary, EventJson.Options)!).ToList();

    private static async Task<List<JsonElement>> WalkApiAsync(HttpClient client, string first)
    {
        var entries = new List<JsonElement>();
        string? next = first;
        while (next is not null)
        {
            var page = await (await client.GetAsync(next)).Expect(HttpStatusCode.OK);
            entries.AddRange(page.GetProperty("entries").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return entries;
    }

    private static List<string> Ids(AngleSharp.Html.Dom.IHtmlDocument page, string section) =>
        page.QuerySelectorAll($"section[aria-labelledby={section}] li a[href*='/requests/']")
            .Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;
}
