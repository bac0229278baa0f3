using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task ReportsHealthyWithTheDatabaseCheckWhenTheDatabaseAnswers()
    {
        using var app = new CouncilApp(seedDemo: false);

        var health = await (await app.Visitor().GetAsync("/healthz")).Expect(HttpStatusCode.OK);

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("healthy", Check(health, "database"));
        Assert.Equal("healthy", Check(health, "silo"));
    }

    [Fact]
    public async Task Answers503NamingTheSiloOnceItHasStopped()
    {
        using var app = new CouncilApp(seedDemo: false);
        var client = app.Visitor();
        await (await client.GetAsync("/healthz")).Expect(HttpStatusCode.OK);

        await app.Services.GetRequiredService<Orleans.Runtime.Silo>().StopAsync(CancellationToken.None);

        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unhealthy", Check(health, "silo"));
    }

    [Fact]
    public async Task Answers503NamingTheDatabaseWhenTheSqliteFileCannotBeOpened()
    {
        using var app = new CouncilApp(seedDemo: false);
        var client = app.Visitor();
        await (await client.GetAsync("/healthz")).Expect(HttpStatusCode.OK);

        // The database goes away under the running app: its file becomes a directory, which SQLite cannot open.
        // The app's background work (projections, reminders) may open the file again between the delete and the
        // directory taking its place, creating it anew: take the place again until the directory holds it.
        for (var attempt = 0; !Directory.Exists(app.DatabasePath); attempt++)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(app.DatabasePath + suffix);
            try { Directory.CreateDirectory(app.DatabasePath); }
            catch (IOException) when (attempt < 100) { }
        }

        var health = await (await client.GetAsync("/healthz")).Expect(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("unhealthy", Check(health, "database"));
        Assert.DoesNotContain(app.DatabasePath, health.GetRawText());
        await (await client.GetAsync("/healthz/live")).Expect(HttpStatusCode.OK);
    }

    [PostgresFact]
    public async Task Answers503NamingTheDatabaseWhenPostgresNoLongerHasIt()
    {
        var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp(seedDemo: false).UsePostgres(database.ConnectionString);
        var client = app.Visitor();
        await (await client.GetAsync("/healthz")).Expect(HttpStatusCode.OK);

        await database.DisposeAsync();

        var health = await (await client.GetAsync("/healthz")).Expect(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", Check(health, "database"));
    }

    private static string? Check(JsonElement health, string name) =>
        health.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == name).GetProperty("status").GetString();
}
