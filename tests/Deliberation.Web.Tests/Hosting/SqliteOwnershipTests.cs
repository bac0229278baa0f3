using System.Net;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>One SQLite file, one app process: a second refuses to start and says why.</summary>
public sealed class SqliteOwnershipTests
{
    [Fact]
    public async Task ASecondAppOnTheSameSqliteFileRefusesToStartAndSaysWhy()
    {
        using var first = new CouncilApp();
        await (await first.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
        using var second = new CouncilApp();
        second.UseDatabaseOf(first);

        var refused = Assert.ThrowsAny<Exception>(() => second.Visitor());

        var message = string.Join(" | ", Chain(refused).Select(e => e.Message));
        Assert.Contains("Another Deliberation process has this database open", message);
        Assert.Contains(first.DatabasePath, message);
        await (await first.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnAppStartsOnTheFileOnceTheOneBeforeHasStopped()
    {
        using var site = new CouncilApp(); // owns the folder; never started
        using (var before = new CouncilApp())
        {
            before.UseDatabaseOf(site);
            await (await before.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
        }
        Assert.True(File.Exists(site.DatabasePath + ".lock"));
        using var after = new CouncilApp();
        after.UseDatabaseOf(site);

        var clerk = await after.SignedInAs("clerk");

        await (await clerk.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public void GuardsOnlyADatabaseThatIsAFile()
    {
        Assert.Null(SqliteOwnership.LockPathFor("Data Source=:memory:"));
        Assert.Null(SqliteOwnership.LockPathFor("Data Source=site;Mode=Memory;Cache=Shared"));
        Assert.Equal(Path.GetFullPath("data/deliberation.db") + ".lock", SqliteOwnership.LockPathFor("Data Source=data/deliberation.db"));
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
