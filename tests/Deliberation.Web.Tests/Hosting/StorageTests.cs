using System.Net;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>The whole app on each storage, and across a restart.</summary>
public sealed class StorageTests
{
    [Fact]
    public async Task ARestartedSiteRebuildsEverythingFromItsLog()
    {
        string itemId;
        using (var first = new CouncilApp())
        {
            var resident = await first.SignedInAs("resident");
            var created = await (await resident.Post("/api/councils/lakeside/items", new { title = "长椅", text = "湖边加长椅", category = "设施", place = "湖边" }))
                .Expect(HttpStatusCode.Created);
            itemId = created.GetProperty("id").GetString()!;
            var clerk = await first.SignedInAs("clerk");
            await (await clerk.Post($"/api/councils/lakeside/items/{itemId}/accept", new { })).Expect(HttpStatusCode.OK);
            // A second app on the same file: nothing carried over but what is in the database.
            using var second = new CouncilApp().UseDatabaseOf(first);

            var clerkAgain = await second.SignedInAs("clerk");
            var item = await (await clerkAgain.GetAsync($"/api/councils/lakeside/items/{itemId}")).Expect(HttpStatusCode.OK);

            Assert.Equal("InProcess", item.GetProperty("status").GetString());
            Assert.Equal(3, item.GetProperty("timeline").GetArrayLength());
            var list = await (await clerkAgain.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
            Assert.Equal(8, list.GetArrayLength());
        }
    }

    [Fact]
    public async Task ASecondAppProcessSeesWhatTheFirstDecidedAndCannotDecideItAgain()
    {
        using var first = new CouncilApp();
        using var second = new CouncilApp().UseDatabaseOf(first);
        var clerkOnFirst = await first.SignedInAs("clerk");
        var clerkOnSecond = await second.SignedInAs("clerk");
        const string item = "/api/councils/lakeside/items/item-demo-lights";
        await (await clerkOnFirst.GetAsync(item)).Expect(HttpStatusCode.OK);
        await (await clerkOnSecond.GetAsync(item)).Expect(HttpStatusCode.OK);

        await (await clerkOnFirst.Post($"{item}/accept", new { })).Expect(HttpStatusCode.OK);
        var seenBySecond = await (await clerkOnSecond.GetAsync(item)).Expect(HttpStatusCode.OK);
        var refused = await (await clerkOnSecond.Post($"{item}/decline", new { reason = "重复" })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("InProcess", seenBySecond.GetProperty("status").GetString());
        Assert.Contains("record-proposal", refused.GetProperty("allowed").ToString());
        var timeline = (await (await clerkOnFirst.GetAsync(item)).Expect(HttpStatusCode.OK)).GetProperty("timeline");
        Assert.DoesNotContain(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "ItemDeclined");
    }

    [Fact]
    public async Task TwoAppProcessesDecidingTheSameItemAtOnceRecordOnlyOneDecision()
    {
        using var first = new CouncilApp();
        using var second = new CouncilApp().UseDatabaseOf(first);
        var clerkOnFirst = await first.SignedInAs("clerk");
        var clerkOnSecond = await second.SignedInAs("clerk");
        const string item = "/api/councils/lakeside/items/item-demo-lights";

        var responses = await Task.WhenAll(
            clerkOnFirst.Post($"{item}/accept", new { }),
            clerkOnSecond.Post($"{item}/decline", new { reason = "重复" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var timeline = (await (await clerkOnFirst.GetAsync(item)).Expect(HttpStatusCode.OK)).GetProperty("timeline");
        Assert.Single(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() is "ItemAccepted" or "ItemDeclined");
    }

    [Fact]
    public async Task ATamperedEventShowsAsABrokenChain()
    {
        using var app = new CouncilApp();
        var visitor = app.Visitor();
        await (await visitor.GetAsync("/api/councils/lakeside/items/item-demo-road/verification")).Expect(HttpStatusCode.OK);

        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE events SET payload = replace(payload, '41.2', '14.2') WHERE stream_id = 'agenda-item-item-demo-road' AND payload LIKE '%41.2%'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var verification = await (await visitor.GetAsync("/api/councils/lakeside/items/item-demo-road/verification")).Expect(HttpStatusCode.OK);
        Assert.False(verification.GetProperty("isIntact").GetBoolean());
    }

    [PostgresFact]
    public async Task RunsTheSameJourneyOnPostgreSql()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp().UsePostgres(database.ConnectionString);
        var resident = await app.SignedInAs("resident");
        var clerk = await app.SignedInAs("clerk");

        var created = await (await resident.Post("/api/councils/lakeside/items", new { title = "长椅", text = "湖边加长椅", category = "设施", place = "湖边" }))
            .Expect(HttpStatusCode.Created);
        var itemId = created.GetProperty("id").GetString();
        await (await clerk.Post($"/api/councils/lakeside/items/{itemId}/accept", new { })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"/api/councils/lakeside/items/{itemId}/end-notice")).ExpectProblem(HttpStatusCode.Conflict);

        var list = await (await clerk.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        Assert.Equal(8, list.GetArrayLength());
        var public_ = await (await app.Visitor().GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, public_.GetArrayLength());
        var html = await app.Visitor().GetStringAsync("/councils/lakeside/items/item-demo-road");
        Assert.Contains("村道硬化工程", html);
    }
}
