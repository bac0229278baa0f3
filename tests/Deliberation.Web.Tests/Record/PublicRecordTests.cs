using System.Net;
using System.Text.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Verifier;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.Tests.Record;

/// <summary>
/// The council's public record, checked from outside by the verifier (tools/Deliberation.Verifier) over the real app's
/// public JSON: a fresh site passes; an event altered in the database, and a stream rewritten or removed with every
/// hash recomputed, fail; what is not disclosed is not there.
/// </summary>
public sealed class PublicRecordTests : IDisposable
{
    private const string Road = "agenda-item-item-demo-road";
    private const string Record = "/api/councils/lakeside/record";

    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheVerifierPassesOnAFreshSite()
    {
        var report = await new RecordVerifier(_app.Visitor()).VerifyAsync("lakeside");

        Assert.True(report.IsIntact, report.ToString());
        Assert.True(report.Streams >= 4, report.ToString());
        Assert.True(report.EventsHashed > 20, report.ToString());
        Assert.True(report.EventsWithheld > 0, report.ToString());
        Assert.Equal(1, report.Checkpoints);
    }

    [Fact]
    public async Task TheVerifierFailsWhenOneEventIsAlteredInTheDatabase()
    {
        await ExecuteAsync($"UPDATE events SET payload = replace(payload, '41.2', '14.2') WHERE stream_id = '{Road}' AND payload LIKE '%41.2%'", 1);

        var report = await new RecordVerifier(_app.Visitor()).VerifyAsync("lakeside");

        Assert.False(report.IsIntact);
        Assert.Contains(report.Problems, p => p.StartsWith(Road, StringComparison.Ordinal) && p.Contains("altered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCheckpointChainCatchesAStreamRewrittenWithEveryHashRecomputed()
    {
        var log = _app.Services.GetRequiredService<IEventLog>();
        var events = await log.ReadStreamAsync(Road);
        var previous = EventHasher.GenesisHash;
        foreach (var e in events)
        {
            var rewritten = e with { PreviousHash = previous, Payload = e.Payload.Replace("41.2", "14.2", StringComparison.Ordinal) };
            rewritten = rewritten with { Hash = EventHasher.Compute(rewritten) };
            await ExecuteAsync("UPDATE events SET payload = @payload, previous_hash = @previous, hash = @hash WHERE stream_id = @stream AND sequence = @sequence",
                1, ("@payload", rewritten.Payload), ("@previous", rewritten.PreviousHash), ("@hash", rewritten.Hash), ("@stream", Road), ("@sequence", e.Sequence));
            previous = rewritten.Hash;
        }
        // A careful forger rebuilds what is derived from the log too, so the index agrees with the rewritten stream.
        await _app.Services.GetRequiredService<ProjectionRunner>().RebuildAsync(Deliberation.Web.Record.RecordProjection.ProjectionName);
        Assert.True((await log.VerifyStreamAsync(Road)).IsIntact);

        var report = await new RecordVerifier(_app.Visitor()).VerifyAsync("lakeside");

        Assert.False(report.IsIntact);
        var problem = Assert.Single(report.Problems);
        Assert.StartsWith($"{Road}: checkpoint #1 holds", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCheckpointChainCatchesAStreamRemovedFromTheDatabase()
    {
        const string canteen = "agenda-item-item-demo-canteen";
        await ExecuteAsync($"DELETE FROM events WHERE stream_id = '{canteen}'", -1);
        await ExecuteAsync($"DELETE FROM streams WHERE stream_id = '{canteen}'", 1);
        await _app.Services.GetRequiredService<ProjectionRunner>().RebuildAsync(Deliberation.Web.Record.RecordProjection.ProjectionName);
        var index = await (await _app.Visitor().GetAsync(Record)).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(canteen, index.GetRawText(), StringComparison.Ordinal);

        var report = await new RecordVerifier(_app.Visitor()).VerifyAsync("lakeside");

        var problem = Assert.Single(report.Problems);
        Assert.Contains($"{canteen}: in checkpoint #1", problem, StringComparison.Ordinal);
        Assert.Contains("removed", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckpointKeptFromBeforeCatchesAStreamRemovedWithTheWholeCheckpointChainRewritten()
    {
        var index = await (await _app.Visitor().GetAsync(Record)).Expect(HttpStatusCode.OK);
        var kept = (index.GetProperty("checkpoints").GetProperty("sequence").GetInt64(), index.GetProperty("checkpoints").GetProperty("hash").GetString()!);
        Assert.True((await new RecordVerifier(_app.Visitor()).VerifyAsync("lakeside", [kept])).IsIntact);

        // The forger removes a stream and writes the checkpoint chain again without it: consistent in itself.
        foreach (var stream in new[] { "agenda-item-item-demo-canteen", "record-checkpoint-lakeside" })
        {
            await ExecuteAsync($"DELETE FROM events WHERE stream_id = '{stream}'", -1);
            await ExecuteAsync($"DELETE FROM streams WHERE stream_id = '{stream}'", 1);
        }
        await _app.Services.GetRequiredService<ProjectionRunner>().RebuildAsync(Deliberation.Web.Record.RecordProjection.ProjectionName);
        await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<Web.Record.ICheckpointGrain>("lakeside").CheckpointAsync();
        Assert.True((await new RecordVerifier(_app.Visitor()).VerifyAsync("lakeside")).IsIntact);

        var report = await new RecordVerifier(_app.Visitor()).VerifyAsync("lakeside", [kept]);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("kept from before", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingUndisclosedIsInTheRecordAndResidentsAreNotNamed()
    {
        var (_, ballot) = await _app.PartyMeetingVotingAsync();
        var ballotId = ballot[(ballot.LastIndexOf('/') + 1)..];
        var visitor = _app.Visitor();

        var index = await (await visitor.GetAsync(Record)).Expect(HttpStatusCode.OK);
        var everything = index.GetRawText();
        foreach (var stream in index.GetProperty("streams").EnumerateArray())
            everything += (await (await visitor.GetAsync($"{Record}/streams/{stream.GetProperty("streamId").GetString()}")).Expect(HttpStatusCode.OK)).GetRawText();

        // Mrs Wu acts only as a resident (the lights, an objection, a rating): her account is named nowhere in the record.
        Assert.DoesNotContain((await _app.UserIdsAsync())["吴阿姨 Mrs Wu"], everything, StringComparison.Ordinal);
        foreach (var undisclosed in new[] { "item-demo-parking", "item-demo-lights", "item-demo-fish", ballotId })
            Assert.DoesNotContain(undisclosed, everything, StringComparison.Ordinal);
        Assert.Contains("\"resident\"", everything, StringComparison.Ordinal);
        Assert.Contains("\"undisclosed\"", everything, StringComparison.Ordinal);
        Assert.True((await new RecordVerifier(visitor).VerifyAsync("lakeside")).IsIntact);
    }

    [Fact]
    public async Task ADisclosedItemsCommentsAreInTheRecordWithAHiddenCommentsTextWithheld()
    {
        const string comments = "item-comments-item-demo-kiosks";
        var visitor = _app.Visitor();

        var index = await (await visitor.GetAsync(Record)).Expect(HttpStatusCode.OK);
        var stream = await (await visitor.GetAsync($"{Record}/streams/{comments}")).Expect(HttpStatusCode.OK);

        Assert.Contains(index.GetProperty("streams").EnumerateArray(),
            s => s.GetProperty("streamId").GetString() == comments && s.GetProperty("kind").GetString() == "comments");
        var events = stream.GetProperty("events").EnumerateArray().ToList();
        var hidden = Assert.Single(events, e => e.GetProperty("withheld") is { ValueKind: JsonValueKind.Object } w
            && w.GetProperty("reasons").EnumerateArray().Any(r => r.GetString() == Web.Record.Withholding.HiddenCommentReason));
        Assert.Equal(3, hidden.GetProperty("withheld").GetProperty("details").GetProperty("no").GetInt32());
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "CommentHidden" && JsonDocument.Parse(e.GetProperty("payload").GetString()!).RootElement.GetProperty("reason").GetString()!.Contains("含他人姓名和电话", StringComparison.Ordinal));
        // The hidden text (a neighbour's phone number) is nowhere; a posted comment shows its author only as a resident.
        Assert.DoesNotContain("139xxxx1234", stream.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("村口那个最好加盖子", stream.GetRawText(), StringComparison.Ordinal);
        Assert.True((await new RecordVerifier(visitor).VerifyAsync("lakeside")).IsIntact);
    }

    [Fact]
    public async Task AStreamNotDisclosedAnswers404WithoutActivatingAGrain()
    {
        var visitor = _app.Visitor();
        foreach (var stream in new[] { "agenda-item-item-demo-lights", "agenda-item-item-demo-fish", "council-lakeside", "agenda-item-no-such-thing" })
            await (await visitor.GetAsync($"{Record}/streams/{stream}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await visitor.GetAsync("/api/councils/no-such-council/record")).ExpectProblem(HttpStatusCode.NotFound);

        var grains = _app.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        Assert.Null(await management.GetActivationAddress(grains.GetGrain<IAgendaItemGrain>("item-demo-lights")));
        Assert.Null(await management.GetActivationAddress(grains.GetGrain<IAgendaItemGrain>("item-demo-fish")));
    }

    [Fact]
    public async Task AnItemJoinsTheRecordWhenDisclosedAndTheNextCheckpointHoldsIt()
    {
        var visitor = _app.Visitor();
        await (await visitor.GetAsync($"{Record}/streams/{Road}")).Expect(HttpStatusCode.OK);
        var checkpoints = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<Web.Record.ICheckpointGrain>("lakeside");
        Assert.Equal(1, await checkpoints.CheckpointAsync());

        var clerk = await _app.SignedInAs("clerk");
        await (await clerk.Post("/api/councils/lakeside/items/item-demo-kiosks/uphold-objection", new { objectionNo = 1, reason = "挪到路口" })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, await checkpoints.CheckpointAsync());

        var chain = await (await visitor.GetAsync($"{Record}/streams/record-checkpoint-lakeside")).Expect(HttpStatusCode.OK);
        var second = JsonDocument.Parse(chain.GetProperty("events")[1].GetProperty("payload").GetString()!).RootElement;
        var kiosks = second.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("streamId").GetString() == "agenda-item-item-demo-kiosks");
        var head = (await _app.Services.GetRequiredService<IEventLog>().ReadStreamAsync("agenda-item-item-demo-kiosks"))[^1];
        Assert.Equal(head.Hash, kiosks.GetProperty("hash").GetString());
        Assert.Equal(head.Sequence, kiosks.GetProperty("sequence").GetInt64());
        Assert.True((await new RecordVerifier(visitor).VerifyAsync("lakeside")).IsIntact);
    }

    [Fact]
    public void TheDocumentedExampleHashesAsDocumented()
    {
        const string documented = "8740e48bcc2d20cf636f36dff9093163aab73eba2e5a8609780a38c02bfd45e8"; // docs/verifying.md
        var at = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(documented, EventHasher.Compute(EventHasher.GenesisHash, "agenda-item-item-x", 1, "ItemAccepted", "clerk-id", at, "{\"note\":\"受理\"}"));
        Assert.Equal(documented, ChainHash.Of(ChainHash.Genesis, "agenda-item-item-x", 1, "ItemAccepted", "clerk-id", "2026-01-01T08:00:00.000000Z", "{\"note\":\"受理\"}"));
    }

    [PostgresFact]
    public async Task TheVerifierPassesAndCatchesAnAlteredEventOnPostgreSql()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp().UsePostgres(database.ConnectionString);
        var verifier = new RecordVerifier(app.Visitor());
        var fresh = await verifier.VerifyAsync("lakeside");
        Assert.True(fresh.IsIntact, fresh.ToString());
        Assert.True(fresh.Streams >= 4 && fresh.Checkpoints == 1, fresh.ToString());

        await using (var connection = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                $"UPDATE events SET payload = replace(payload, '41.2', '14.2') WHERE stream_id = '{Road}' AND payload LIKE '%41.2%'", connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var altered = await verifier.VerifyAsync("lakeside");
        Assert.Contains(altered.Problems, p => p.StartsWith(Road, StringComparison.Ordinal) && p.Contains("altered", StringComparison.Ordinal));
    }

    private async Task ExecuteAsync(string sql, int expectedRows, params (string Name, object Value)[] parameters)
    {
        _ = _app.Services; // the app has started: its database exists
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var rows = await command.ExecuteNonQueryAsync();
        if (expectedRows >= 0) Assert.Equal(expectedRows, rows);
        else Assert.True(rows > 0);
    }
}
