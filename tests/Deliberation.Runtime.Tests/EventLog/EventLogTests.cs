using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Tests.Storage;

namespace Deliberation.Runtime.Tests.EventLog;

/// <summary>The event log's promises, on every storage it supports.</summary>
public sealed class EventLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 30, 15, 123, TimeSpan.Zero);

    [PostgresFact]
    public void PostgresCasesRun() => Assert.Contains(TestStorage.Kinds(), k => (string)k[0] == "postgres");

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AppendsAndReadsBackInOrderWithAnIntactChain(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;

        var first = await events.AppendAsync(Append("item-1", 0, "ItemSubmitted", "ItemAccepted"));
        await events.AppendAsync(Append("item-1", 2, "StepEntered"));
        var read = await events.ReadStreamAsync("item-1");

        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Sequence));
        Assert.Equal(["ItemSubmitted", "ItemAccepted", "StepEntered"], read.Select(e => e.EventType));
        Assert.Equal(new string('0', 64), read[0].PreviousHash);
        Assert.Equal(read[0].Hash, read[1].PreviousHash);
        Assert.Equal(first[1].Hash, read[1].Hash);
        Assert.Equal(At, read[0].OccurredAt);
        Assert.Equal("{\"n\":1}", read[0].Payload);
        Assert.True((await events.VerifyStreamAsync("item-1")).IsIntact);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task RefusesAnAppendAtAStaleVersionAndWritesNothing(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;
        await events.AppendAsync(Append("item-1", 0, "ItemSubmitted"));

        var conflict = await Assert.ThrowsAsync<StreamConcurrencyException>(() => events.AppendAsync(Append("item-1", 0, "ItemSubmitted")));

        Assert.Equal(1, conflict.Actual);
        Assert.Single(await events.ReadStreamAsync("item-1"));
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task KeepsEveryOneOfManyConcurrentAppendsInStreamOrder(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;

        // 200 streams, each written 10 times in sequence, all streams at once: 2,000 appends through the group commit.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(async stream =>
        {
            for (var version = 0; version < 10; version++)
                await events.AppendAsync(Append($"s-{stream}", version, "Counted"));
        }));

        for (var stream = 0; stream < 200; stream += 37)
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), (await events.ReadStreamAsync($"s-{stream}")).Select(e => e.Sequence));
        Assert.Equal(200, (await events.ListStreamsAsync("test")).Count);
        Assert.All(await events.ListStreamsAsync("test"), s => Assert.Equal(10, s.Version));
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task OneConflictInABatchDoesNotFailTheOthers(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;
        await events.AppendAsync(Append("taken", 0, "First"));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try { await events.AppendAsync(i == 25 ? Append("taken", 0, "Late") : Append($"free-{i}", 0, "First")); return true; }
            catch (StreamConcurrencyException) { return false; }
        }));

        Assert.Equal(49, results.Count(ok => ok));
        Assert.False(results[25]);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task ReportsATamperedEventAsABreakInTheChain(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;
        await events.AppendAsync(Append("item-1", 0, "A", "B", "C"));

        Assert.Equal(1, await storage.ExecuteAsync("UPDATE events SET payload = '{\"n\":99}' WHERE stream_id = 'item-1' AND sequence = 2"));
        var verification = await events.VerifyStreamAsync("item-1");

        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBrokenSequence);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task ListsTheCatalogueByCategoryAndScope(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;
        await events.AppendAsync(Append("a", 0, "X") with { Summary = Summary("a", "item", "lakeside") });
        await events.AppendAsync(Append("b", 0, "X") with { Summary = Summary("b", "item", "hillside") });
        await events.AppendAsync(Append("c", 0, "X") with { Summary = Summary("c", "meeting", "lakeside") });

        var items = await events.ListStreamsAsync("item", "lakeside");

        Assert.Equal("a", Assert.Single(items).StreamId);
        Assert.Equal(2, (await events.ListStreamsAsync("item")).Count);
        Assert.Equal("{\"title\":\"a\"}", (await events.GetSummaryAsync("a"))!.Summary);
    }

    private static StreamAppend Append(string stream, long expected, params string[] types) =>
        new(stream, expected, types.Select((t, i) => new PendingEvent(t, "u-clerk", At, $"{{\"n\":{i + 1}}}")).ToList(), Summary(stream, "test", "lakeside"));

    private static StreamSummary Summary(string stream, string category, string scope) =>
        new(stream, category, scope, 0, $"{{\"title\":\"{stream}\"}}", At);
}
