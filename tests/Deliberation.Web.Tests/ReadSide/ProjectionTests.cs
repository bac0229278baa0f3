using System.Net;
using Deliberation.Domain.Following;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Following;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.ReadSide;

/// <summary>Read models built from the log by its global position: the same built live or from zero, caught up after a restart.</summary>
public sealed class ProjectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AProjectionRebuiltFromZeroEqualsTheOneBuiltLive()
    {
        using var app = new CouncilApp();
        await RebuiltEqualsLiveAsync(app);
    }

    [PostgresFact]
    public async Task AProjectionRebuiltFromZeroEqualsTheOneBuiltLiveOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp().UsePostgres(database.ConnectionString);
        await RebuiltEqualsLiveAsync(app);
    }

    private static async Task RebuiltEqualsLiveAsync(CouncilApp app)
    {
        await app.WriteSomethingForEachAsync();
        var live = await app.DumpAsync();

        foreach (var name in app.ReadSide().Names) await app.ReadSide().RebuildAsync(name);
        var rebuilt = await app.DumpAsync();

        Assert.All(live.Values, rows => Assert.NotEmpty(rows));
        foreach (var (name, rows) in live) Assert.Equal(rows, rebuilt[name]);
    }

    [Fact]
    public async Task ReadModelsAnswerTheListsTheCatalogueUsedTo()
    {
        using var app = new CouncilApp();
        await app.WriteSomethingForEachAsync();
        var ids = await app.UserIdsAsync();

        var followers = await ItemFollowers.ListAsync(app.ReadSide(), "lakeside", "item-demo-kiosks");
        var unfollowed = await ItemFollowers.ListAsync(app.ReadSide(), "lakeside", "item-demo-road");
        var publicItems = await (await app.Visitor().GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        var allItems = await (await (await app.SignedInAs("clerk")).GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);

        Assert.Equal([ids["吴阿姨 Mrs Wu"]], followers);
        Assert.Empty(unfollowed);
        Assert.All(publicItems.EnumerateArray(), item => Assert.True(item.GetProperty("isPublic").GetBoolean()));
        Assert.Contains(allItems.EnumerateArray(), item => !item.GetProperty("isPublic").GetBoolean());
        Assert.True(publicItems.GetArrayLength() < allItems.GetArrayLength());
    }

    [Fact]
    public async Task EventsWrittenWhileTheAppWasDownAreAppliedAfterItStartsAgain()
    {
        using var site = new CouncilApp();
        string residentId;
        using (var first = new CouncilApp().UseDatabaseOf(site))
        {
            residentId = (await first.UserIdsAsync())["吴阿姨 Mrs Wu"];
            await first.DumpAsync();
        }
        // Written by something other than the app (another node, or a crash between commit and projection).
        await using (var log = (IAsyncDisposable)EventLogFactory.Create(new EventLogOptions { ConnectionString = $"Data Source={site.DatabasePath}" }))
        {
            var stream = $"{FollowingGrain.Category}-{residentId}";
            var version = (await ((IEventLog)log).ReadStreamAsync(stream)).Count;
            await ((IEventLog)log).AppendAsync(new StreamAppend(stream, version,
                [EventCodec<FollowEvent>.Instance.Encode(new ItemFollowed("lakeside", "item-demo-canteen"), residentId, DateTimeOffset.UtcNow)], null));
        }

        using var second = new CouncilApp().UseDatabaseOf(site);
        var runner = second.ReadSide();
        var head = await runner.HeadAsync();
        using var cancel = new CancellationTokenSource(Patience);
        // The background catch-up, not a read, brings it in: wait for it without asking the read model.
        await runner.WaitForAsync(FollowersProjection.ProjectionName, head, cancel.Token);

        Assert.True(runner.EventsApplied(FollowersProjection.ProjectionName) > 0);
        Assert.Contains(residentId, await ItemFollowers.ListAsync(runner, "lakeside", "item-demo-canteen"));
    }
}
