using Deliberation.Web.Tests.Hosting;
using Deliberation.Web.Grains;
using System.Diagnostics;
using System.Net;
using Deliberation.Runtime.EventLog;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Grains;

/// <summary>What people rely on from the grains and their log: nothing lost, nothing half written, a clear answer when storage fails.</summary>
public sealed class AggregateGrainTests
{
    private const string Council = CouncilAppSteps.Council;

    [Fact]
    public async Task HundredConcurrentCallsOnOneCouncilLoseNothing()
    {
        using var app = new CouncilApp();
        var clerk = await app.SignedInAs("clerk");
        var before = await app.CountEventsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(i => clerk.Post($"{Council}/invitations", new { household = $"湖边 {i} 号", grid = "一网格" })));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}"));
        var codes = await Task.WhenAll(responses.Select(async r => (await r.Expect(r.StatusCode)).GetProperty("code").GetString()));
        Assert.Equal(100, codes.Distinct().Count());
        Assert.Equal(before + 100, await app.CountEventsAsync());
        Assert.True((await VerifyAsync(app, "council-lakeside")).IsIntact);
    }

    [Fact]
    public async Task AnEventWrittenBehindTheGrainsBackMakesTheNextChangeAConflictThatWritesNothing()
    {
        using var app = new CouncilApp();
        var member1 = await app.SignedInAs("member1");
        var me = await (await member1.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        var stream = $"following-{me.GetProperty("id").GetString()}";
        await (await member1.Post($"{Council}/items/item-demo-road/follow")).Expect(HttpStatusCode.OK);
        // Another writer appends to the stream the grain holds: its version is now behind the log's.
        var log = app.Services.GetRequiredService<IEventLog>();
        await log.AppendAsync(new StreamAppend(stream, 1,
            [new PendingEvent("ItemFollowed", "elsewhere", DateTimeOffset.UtcNow, "{\"councilId\":\"lakeside\",\"itemId\":\"item-demo-lights\"}")], null));

        await (await member1.Post($"{Council}/items/item-demo-kiosks/follow")).ExpectProblem(HttpStatusCode.Conflict);
        var afterConflict = await log.ReadStreamAsync(stream);
        await (await member1.Post($"{Council}/items/item-demo-kiosks/follow")).Expect(HttpStatusCode.OK);
        var following = await (await member1.GetAsync("/api/account/following")).Expect(HttpStatusCode.OK);

        Assert.Equal(2, afterConflict.Count);
        Assert.Equal(["item-demo-kiosks", "item-demo-lights", "item-demo-road"],
            following.EnumerateArray().Select(f => f.GetProperty("itemId").GetString()).Order());
    }

    [Fact]
    public async Task WhenTheDatabaseDoesNotAnswerAVoteGetsA503WithinSecondsAndItsResendCountsOnce()
    {
        using var app = new CouncilApp(settings: new Dictionary<string, string?> { ["Silo:EventLog:Timeout"] = "00:00:02" });
        var (_, ballot) = await app.PartyMeetingVotingAsync();
        var chair = await app.SignedInAs("chair");

        var clock = Stopwatch.StartNew();
        HttpResponseMessage refused;
        await using (var blocker = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await blocker.OpenAsync();
            await using (var lockWrites = blocker.CreateCommand())
            {
                lockWrites.CommandText = "BEGIN EXCLUSIVE";
                await lockWrites.ExecuteNonQueryAsync();
            }
            clock.Restart();
            refused = await chair.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "c-1" });
            clock.Stop();
            await using var release = blocker.CreateCommand();
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }
        var resent = await (await chair.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);
        var closed = await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        await refused.ExpectProblem(HttpStatusCode.ServiceUnavailable);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.Equal("c-1", resent.GetProperty("clientVoteId").GetString());
        Assert.Equal(1, closed.GetProperty("votesCast").GetInt32());
        Assert.Equal(1, closed.GetProperty("result").GetProperty("forMembers").GetInt32());
    }

    private static Task<ChainVerification> VerifyAsync(CouncilApp app, string stream) =>
        app.Services.GetRequiredService<IEventLog>().VerifyStreamAsync(stream);
}
