using System.Net;
using System.Text.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Escalations;
using Deliberation.Web.Requests;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Ledger;

/// <summary>
/// The lists read in keyset pages (the ledger's API, the escalations, the small requests) on PostgreSQL, on the demo's
/// months of history: every entry once, as the stream catalogue counts them, and the same pages after a rebuild.
/// </summary>
public sealed class KeysetListsOnPostgresTests
{
    [PostgresFact]
    public async Task EachListPagesThroughEveryEntryOnceAndAgainAfterARebuild()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp(settings: new Dictionary<string, string?> { ["Demo:History"] = "true" }).UsePostgres(database.ConnectionString);
        var clerk = await app.SignedInAs("clerk");
        var log = app.Services.GetRequiredService<IEventLog>();
        var escalations = (await log.ListStreamsAsync(EscalationGrain.Category, "lakeside")).Select(s => s.StreamId[(EscalationGrain.Category.Length + 1)..]);
        var requests = (await log.ListStreamsAsync(SmallRequestGrain.Category, "lakeside")).Select(s => s.StreamId[(SmallRequestGrain.Category.Length + 1)..]);

        var listedEscalations = await WalkAsync(clerk, "/api/councils/lakeside/escalations?size=4", e => e.GetProperty("id").GetString()!);
        var listedRequests = await WalkAsync(clerk, "/api/councils/lakeside/requests?size=9", e => e.GetProperty("id").GetString()!);
        var ledger = await WalkAsync(clerk, "/api/councils/lakeside/ledger?month=all&size=5", e => e.GetProperty("entry").GetProperty("id").GetString()!);

        Assert.Equal(escalations.Order(), listedEscalations.Order());
        Assert.Equal(escalations.Order(), ledger.Order());
        Assert.Equal(requests.Order(), listedRequests.Order());
        var readSide = app.Services.GetRequiredService<ProjectionRunner>();
        await readSide.RebuildAsync(EscalationListProjection.ProjectionName);
        await readSide.RebuildAsync(SmallRequestListProjection.ProjectionName);
        Assert.Equal(listedEscalations, await WalkAsync(clerk, "/api/councils/lakeside/escalations?size=4", e => e.GetProperty("id").GetString()!));
        Assert.Equal(listedRequests, await WalkAsync(clerk, "/api/councils/lakeside/requests?size=9", e => e.GetProperty("id").GetString()!));
    }

    private static async Task<List<string>> WalkAsync(HttpClient client, string first, Func<JsonElement, string> id)
    {
        var ids = new List<string>();
        string? next = first;
        while (next is not null)
        {
            var page = await (await client.GetAsync(next)).Expect(HttpStatusCode.OK);
            ids.AddRange(page.GetProperty("entries").EnumerateArray().Select(id));
            next = page.GetProperty("next").GetString();
        }
        return ids;
    }
}
