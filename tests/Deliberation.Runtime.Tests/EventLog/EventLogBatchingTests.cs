using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Tests.Storage;

namespace Deliberation.Runtime.Tests.EventLog;

/// <summary>What the batched writer (one read, one write per flush) must keep: all-or-nothing requests, chains, versions.</summary>
public sealed class EventLogBatchingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AStaleAppendFailsItsWholeRequestWhileTheRestOfTheFlushCommits(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;
        await events.AppendAsync(Append("taken", 0, 1));

        var stale = events.AppendBatchAsync([Append("fresh", 0, 2), Append("taken", 0, 1)]);
        var others = Enumerable.Range(0, 30).Select(i => events.AppendAsync(Append($"other-{i}", 0, 1))).ToList();

        var conflict = await Assert.ThrowsAsync<StreamConcurrencyException>(() => stale);
        await Task.WhenAll(others);
        Assert.Equal(("taken", 1L), (conflict.StreamId, conflict.Actual));
        Assert.Empty(await events.ReadStreamAsync("fresh"));
        Assert.Null(await events.GetSummaryAsync("fresh"));
        Assert.Single(await events.ReadStreamAsync("taken"));
        Assert.Equal(30, (await events.ListStreamsAsync("test")).Count(s => s.StreamId.StartsWith("other-", StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task TwoAppendsToOneStreamInOneRequestChainTogether(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;

        var results = await events.AppendBatchAsync([Append("s", 0, 2), Append("s", 2, 1)]);

        Assert.Equal(results[0][1].Hash, results[1][0].PreviousHash);
        Assert.Equal([1L, 2L, 3L], (await events.ReadStreamAsync("s")).Select(e => e.Sequence));
        Assert.True((await events.VerifyStreamAsync("s")).IsIntact);
        Assert.Equal(3, (await events.GetSummaryAsync("s"))!.Version);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AFlushLargerThanOneStatementKeepsEveryChain(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;

        // 700 streams of 2 events, then 1 more each: more rows and catalogue rows than one multi-row statement takes.
        await events.AppendBatchAsync(Enumerable.Range(0, 700).Select(i => Append($"s-{i:000}", 0, 2)).ToList());
        await events.AppendBatchAsync(Enumerable.Range(0, 700).Select(i => Append($"s-{i:000}", 2, 1)).ToList());

        var catalogue = await events.ListStreamsAsync("test");
        Assert.Equal(700, catalogue.Count);
        Assert.All(catalogue, s => Assert.Equal(3, s.Version));
        foreach (var i in new[] { 0, 499, 500, 699 })
        {
            var verification = await events.VerifyStreamAsync($"s-{i:000}");
            Assert.True(verification.IsIntact);
            Assert.Equal(3, verification.EventsChecked);
        }
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AStreamWhoseCatalogueRowWasClearedContinuesFromItsEvents(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var events = (IEventLog)log;
        await events.AppendAsync(Append("s", 0, 2));
        Assert.Equal(1, await storage.ExecuteAsync("DELETE FROM streams"));

        Assert.Equal(2, (await Assert.ThrowsAsync<StreamConcurrencyException>(() => events.AppendAsync(Append("s", 0, 1)))).Actual);
        Assert.Equal(2, (await Assert.ThrowsAsync<StreamConcurrencyException>(() => events.AppendAsync(Append("s", 1, 1)))).Actual);
        await events.AppendAsync(Append("s", 2, 1));

        Assert.True((await events.VerifyStreamAsync("s")).IsIntact);
        Assert.Equal(3, (await events.ReadStreamAsync("s")).Count);
        Assert.Equal(3, (await events.GetSummaryAsync("s"))!.Version);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task TwoLogsWritingOneStreamNeverBreakItsChain(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var first = (IAsyncDisposable)storage.NewLog();
        await using var second = (IAsyncDisposable)storage.NewLog();

        // Two writers (as two processes would be) race for each version; each retries from what it reads.
        await Task.WhenAll(new[] { first, second }.Select(log => Task.Run(async () =>
        {
            var events = (IEventLog)log;
            for (var written = 0; written < 40;)
            {
                var version = (await events.ReadStreamAsync("s")).Count;
                try { await events.AppendAsync(Append("s", version, 1)); written++; }
                catch (StreamConcurrencyException) { }
            }
        })));

        var verification = await ((IEventLog)first).VerifyStreamAsync("s");
        Assert.True(verification.IsIntact);
        Assert.Equal(80, verification.EventsChecked);
        Assert.Equal(80, (await ((IEventLog)second).GetSummaryAsync("s"))!.Version);
    }

    private static StreamAppend Append(string stream, long expected, int count) =>
        new(stream, expected, Enumerable.Range(1, count).Select(i => new PendingEvent("Counted", "u-clerk", At, $"{{\"n\":{i}}}")).ToList(),
            new StreamSummary(stream, "test", "lakeside", 0, $"{{\"title\":\"{stream}\"}}", At));
}
