using System.Net;
using System.Text.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Escalations;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.Hosting;
using Deliberation.Web.Tests.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Escalations;

/// <summary>
/// The escalations list from its read model, over HTTP, on the demo's months of history (shared: these tests only
/// read): who sees which entries, keyset pages of the API and of the page that hold each entry once, and bad cursors.
/// The stream catalogue (what the list used to read) is the independent account of what there is.
/// </summary>
public sealed class EscalationListTests(LedgerHistoryApp app) : IClassFixture<LedgerHistoryApp>
{
    private const string Api = "/api/councils/lakeside/escalations";
    private const string Page = "/councils/lakeside/escalations";

    [Fact]
    public async Task StaffPageThroughEveryEscalationOfTheCouncilOnceOpenOnesFirst()
    {
        var clerk = await app.SignedInAs("clerk");
        var catalogue = await CatalogueAsync();
        Assert.True(catalogue.Count > 12, $"the history has enough escalations for several pages ({catalogue.Count})");

        var listed = await WalkApiAsync(clerk, $"{Api}?size=5");

        Assert.Equal(catalogue.Select(e => e.Id).Order(), listed.Select(Id).Order());
        Assert.Equal(listed.Count, listed.Select(Id).Distinct().Count());
        var settled = listed.Select(e => Status(e) is "Done" or "Returned").ToList();
        Assert.Equal(settled.Order(), settled);
        Assert.Contains(true, settled);
        Assert.Contains(false, settled);
        var openDue = listed.Where(e => Status(e) is not ("Done" or "Returned")).Select(e => e.GetProperty("dueOn").GetString()).ToList();
        Assert.Equal(openDue.Order(StringComparer.Ordinal), openDue);
        Assert.Equal(listed.Select(Id), await WalkPageAsync(clerk, $"{Page}?size=5"));
    }

    [Fact]
    public async Task ADepartmentsAccountPagesThroughItsOwnDepartmentsOnly()
    {
        var works = await app.SignedInAs("works");
        var own = (await CatalogueAsync()).Where(e => e.DepartmentId == "town-works").Select(e => e.Id).Order().ToList();
        Assert.NotEqual(own.Count, (await CatalogueAsync()).Count);

        var listed = await WalkApiAsync(works, $"{Api}?size=4");

        Assert.Equal(own, listed.Select(Id).Order());
        Assert.Equal(own, (await WalkPageAsync(works, $"{Page}?size=4")).Order());
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("volunteer")]
    public async Task PeopleWithoutTheCouncilsStaffRolesOrADepartmentSeeNone(string login)
    {
        var someone = await app.SignedInAs(login);

        Assert.Empty(await WalkApiAsync(someone, Api));
        Assert.Empty(await WalkPageAsync(someone, Page));
    }

    [Fact]
    public async Task AnotherCouncilsClerkSeesNoneOfThisCouncilsEscalations()
    {
        var hillsideClerk = await app.HillsideWithClerkAsync("hill-clerk-list");

        Assert.Empty(await WalkApiAsync(hillsideClerk, "/api/councils/hillside/escalations"));
        Assert.Empty(await WalkPageAsync(hillsideClerk, "/councils/hillside/escalations"));
    }

    [Theory]
    [InlineData("after=nonsense")]
    [InlineData("after=open-2026-13-45.esc-x")]
    [InlineData("after=2026-01.esc-x")]
    [InlineData("size=0")]
    [InlineData("size=201")]
    [InlineData("size=ten")]
    public async Task ABadCursorOrSizeIsAProblemNotAFirstPage(string query)
    {
        var clerk = await app.SignedInAs("clerk");

        var problem = await (await clerk.GetAsync($"{Api}?{query}")).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(query.Split('=')[0], problem.GetProperty("detail").GetString());
        // The page takes a hand-edited address as its first page instead.
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"{Page}?{query}")).StatusCode);
    }

    private async Task<IReadOnlyList<EscalationSummary>> CatalogueAsync() =>
        (await app.Services.GetRequiredService<IEventLog>().ListStreamsAsync(EscalationGrain.Category, "lakeside"))
            .Select(s => JsonSerializer.Deserialize<EscalationSummary>(s.Summary, EventJson.Options)!).ToList();

    private static async Task<List<JsonElement>> WalkApiAsync(HttpClient client, string first)
    {
        var entries = new List<JsonElement>();
        string? next = first;
        while (next is not null)
        {
            var page = await (await client.GetAsync(next)).Expect(HttpStatusCode.OK);
            var count = page.GetProperty("entries").GetArrayLength();
            entries.AddRange(page.GetProperty("entries").EnumerateArray());
            next = page.GetProperty("next").GetString();
            Assert.True(next is null || count > 0, "a next link follows a page with entries");
        }
        return entries;
    }

    private static async Task<List<string>> WalkPageAsync(HttpClient client, string first)
    {
        var ids = new List<string>();
        string? next = first;
        while (next is not null)
        {
            var html = Html.Parse(await client.GetStringAsync(next));
            ids.AddRange(html.QuerySelectorAll("li[data-entry]").Select(e => e.GetAttribute("data-entry")!));
            next = html.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        }
        return ids;
    }

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private static string Status(JsonElement e) => e.GetProperty("status").GetString()!;
}
