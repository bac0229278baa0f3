using System.Net;
using Deliberation.Domain.Process;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Councils;
using Deliberation.Web.Demo;
using Deliberation.Web.Process;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>Never two clusters on one PostgreSQL database; processes started at once on it seed it once.</summary>
public sealed class PostgresOwnershipTests
{
    [PostgresFact]
    public async Task ASecondSingleNodeAppOnOnePostgresDatabaseRefusesToStartAndSaysWhy()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var first = new CouncilApp(seedDemo: false).UsePostgres(database.ConnectionString);
        await (await first.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
        using var second = new CouncilApp(seedDemo: false).UsePostgres(database.ConnectionString);

        var refused = Assert.ThrowsAny<Exception>(() => second.Visitor());

        Assert.Contains("Another Deliberation process uses this PostgreSQL database", Messages(refused));
        await (await first.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
    }

    [PostgresFact]
    public async Task ASingleNodeAppStartsOnTheDatabaseOnceTheOneBeforeHasStopped()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using (var before = new CouncilApp(seedDemo: false).UsePostgres(database.ConnectionString))
            await (await before.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
        using var after = new CouncilApp(seedDemo: false).UsePostgres(database.ConnectionString);

        await (await after.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
    }

    [TwoNodesFact]
    public async Task AClusterNodeRefusesADatabaseASingleNodeAppHolds()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var single = new CouncilApp(seedDemo: false).UsePostgres(database.ConnectionString);
        await (await single.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
        using var node = new CouncilApp(seedDemo: false, settings: TwoNodes.ClusterSettings("owned-" + Guid.NewGuid().ToString("n")))
            .UsePostgres(database.ConnectionString);

        var refused = Assert.ThrowsAny<Exception>(() => node.Visitor());

        Assert.Contains("A single-node Deliberation process holds this PostgreSQL database", Messages(refused));
    }

    [TwoNodesFact]
    public async Task TwoNodesStartedAtOnceOnAnEmptyDatabaseBothStartAndSeedTheDemoOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var cluster = "at-once-" + Guid.NewGuid().ToString("n");
        using var a = new CouncilApp(settings: TwoNodes.ClusterSettings(cluster)).UsePostgres(database.ConnectionString);
        using var b = new CouncilApp(settings: TwoNodes.ClusterSettings(cluster)).UsePostgres(database.ConnectionString);
        using var go = new ManualResetEventSlim();

        var starts = new[] { a, b }.Select(app => Task.Run(() =>
        {
            go.Wait();
            _ = app.Services;
        })).ToArray();
        go.Set();
        await Task.WhenAll(starts).WaitAsync(TimeSpan.FromSeconds(90));

        var log = a.Services.GetRequiredService<IEventLog>();
        var founded = (await log.ReadStreamAsync($"{CouncilGrain.Category}-{DemoCouncil.CouncilId}")).Count(e => e.EventType == "CouncilFounded");
        var published = new List<int>();
        foreach (var template in ProcessTemplateCatalog.BuiltIn)
            published.Add((await log.ReadStreamAsync($"{ProcessTemplateGrain.Category}-{template.Id}")).Count);
        Assert.Equal(1, founded);
        Assert.All(published, count => Assert.Equal(1, count));
        await (await (await b.SignedInAs("clerk")).GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        await (await (await a.SignedInAs("admin")).GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
    }

    private static string Messages(Exception? e)
    {
        var all = new List<string>();
        void Walk(Exception? x)
        {
            for (; x is not null; x = x.InnerException)
            {
                all.Add(x.Message);
                if (x is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions) Walk(inner);
            }
        }
        Walk(e);
        return string.Join(" | ", all);
    }
}
