using System.Net;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>The whole app on each storage, across a restart, and on a database written before the move to Orleans.</summary>
public sealed class StorageTests
{
    [Fact]
    public async Task ARestartedSiteRebuildsEverythingFromItsLog()
    {
        string itemId;
        using var site = new CouncilApp(); // owns the database file; never started itself
        using (var first = new CouncilApp().UseDatabaseOf(site))
        {
            var resident = await first.SignedInAs("resident");
            var created = await (await resident.Post("/api/councils/lakeside/items", new { title = "长椅", text = "湖边加长椅", category = "维修 Repairs", place = "湖边" }))
                .Expect(HttpStatusCode.Created);
            itemId = created.GetProperty("id").GetString()!;
            var clerk = await first.SignedInAs("clerk");
            await (await clerk.Post($"/api/councils/lakeside/items/{itemId}/accept", new { })).Expect(HttpStatusCode.OK);
        }
        // The site stopped; it starts again on the same file with nothing carried over but what is in the database.
        using var second = new CouncilApp().UseDatabaseOf(site);
        var clerkAgain = await second.SignedInAs("clerk");
        var item = await (await clerkAgain.GetAsync($"/api/councils/lakeside/items/{itemId}")).Expect(HttpStatusCode.OK);
        var refused = await (await clerkAgain.Post($"/api/councils/lakeside/items/{itemId}/decline", new { reason = "重复" })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("InProcess", item.GetProperty("status").GetString());
        Assert.Equal(3, item.GetProperty("timeline").GetArrayLength());
        Assert.Contains("record-proposal", refused.GetProperty("allowed").ToString());
        var list = await (await clerkAgain.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        Assert.Equal(9, list.GetArrayLength());
    }

    [Fact]
    public async Task ADatabaseWrittenBeforeTheMoveToOrleansOpensAndVerifies()
    {
        // Written by the home-made grain host (Fixtures/README.md): the demo, a closed ballot of three votes, a follow.
        using var app = new CouncilApp().UseCopyOf(Path.Combine(AppContext.BaseDirectory, "Hosting", "Fixtures", "before-orleans.db"));
        var clerk = await app.SignedInAs("clerk");
        var member1 = await app.SignedInAs("member1");

        var items = await (await clerk.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        var road = await (await clerk.GetAsync("/api/councils/lakeside/items/item-demo-road/verification")).Expect(HttpStatusCode.OK);
        var ballot = await (await clerk.GetAsync("/api/councils/lakeside/ballots/ballot-5b8uuuysue")).Expect(HttpStatusCode.OK);
        var following = await (await member1.GetAsync("/api/account/following")).Expect(HttpStatusCode.OK);

        Assert.Equal(7, items.GetArrayLength());
        foreach (var id in items.EnumerateArray().Select(i => i.GetProperty("id").GetString()))
        {
            var verification = await (await clerk.GetAsync($"/api/councils/lakeside/items/{id}/verification")).Expect(HttpStatusCode.OK);
            Assert.True(verification.GetProperty("isIntact").GetBoolean(), id);
        }
        Assert.Equal(30, road.GetProperty("eventsChecked").GetInt64());
        Assert.Equal("Closed", ballot.GetProperty("status").GetString());
        Assert.Equal(2, ballot.GetProperty("result").GetProperty("forMembers").GetInt32());
        Assert.Equal(1, ballot.GetProperty("result").GetProperty("againstMembers").GetInt32());
        Assert.Equal("item-demo-road", Assert.Single(following.EnumerateArray()).GetProperty("itemId").GetString());
        // And it goes on from there: the next ballot of the same meeting opens on the old log.
        var chair = await app.SignedInAs("chair");
        await (await chair.Post("/api/councils/lakeside/meetings/meeting-demo-next/ballots")).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TwoClerksDecidingTheSameItemAtOnceRecordOnlyOneDecision()
    {
        using var app = new CouncilApp();
        var clerk = await app.SignedInAs("clerk");
        var otherTab = await app.SignedInAs("clerk");
        const string item = "/api/councils/lakeside/items/item-demo-lights";
        var before = await app.CountEventsAsync();

        var responses = await Task.WhenAll(
            clerk.Post($"{item}/accept", new { }),
            otherTab.Post($"{item}/decline", new { reason = "重复" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var timeline = (await (await clerk.GetAsync(item)).Expect(HttpStatusCode.OK)).GetProperty("timeline");
        Assert.Single(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() is "ItemAccepted" or "ItemDeclined");
        var accepted = responses.Any(r => r.StatusCode == HttpStatusCode.OK && r.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/accept"));
        Assert.Equal(before + (accepted ? 2 : 1), await app.CountEventsAsync());
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

        var created = await (await resident.Post("/api/councils/lakeside/items", new { title = "长椅", text = "湖边加长椅", category = "维修 Repairs", place = "湖边" }))
            .Expect(HttpStatusCode.Created);
        var itemId = created.GetProperty("id").GetString();
        await (await clerk.Post($"/api/councils/lakeside/items/{itemId}/accept", new { })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"/api/councils/lakeside/items/{itemId}/end-notice")).ExpectProblem(HttpStatusCode.Conflict);

        var list = await (await clerk.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        Assert.Equal(9, list.GetArrayLength());
        var public_ = await (await app.Visitor().GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, public_.GetArrayLength());
        var html = await app.Visitor().GetStringAsync("/councils/lakeside/items/item-demo-road");
        Assert.Contains("村道硬化工程", html);
    }
}
