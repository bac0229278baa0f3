using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Tests.Storage;

namespace Deliberation.Runtime.Tests.Grains;

/// <summary>
/// Pipelined calls (the vote path): each is decided in the activation's turn, and the turn is let go while its write
/// becomes durable, so many calls on one key share a flush; none is acknowledged before it is durable.
/// </summary>
public sealed class PipelinedCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CallsOnOneKeyOverlapWhileTheirWritesAreInFlight()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        var gated = new GatedLog(storage.NewLog());
        await using var host = new TestHost(gated);
        var counter = host.Grains.GetGrain<ICounterGrain>("ballot");

        var calls = Enumerable.Range(0, 10).Select(i => counter.CountPipelinedAsync($"voter-{i}")).ToList();
        await gated.WaitForArrivalsAsync(10);

        // All ten writes are queued while none is durable, and no caller has been answered.
        Assert.All(calls, call => Assert.False(call.IsCompleted));
        gated.Open();
        var counts = await Task.WhenAll(calls).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), counts.Order());
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task ThousandsOfPipelinedCallsLoseNothingAndKeepTheChain(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var host = new TestHost(storage.NewLog());
        var counter = host.Grains.GetGrain<ICounterGrain>("ballot");

        await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => counter.CountPipelinedAsync($"voter-{i}"))).WaitAsync(Patience * 3);

        IEventLog log = storage.NewLog();
        var events = await log.ReadStreamAsync("counter-ballot");
        Assert.Equal(2000, events.Count);
        Assert.Equal(2000, events.Select(e => e.Actor).Distinct().Count());
        Assert.True((await log.VerifyStreamAsync("counter-ballot")).IsIntact);
        Assert.Equal(2000, await counter.GetAsync());
    }

    [Fact]
    public async Task AFailedWriteFailsTheCallsChainedAfterItAndTheGrainReloads()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        var gated = new GatedLog(storage.NewLog(), failFirst: true);
        await using var host = new TestHost(gated);
        var counter = host.Grains.GetGrain<ICounterGrain>("ballot");
        var calls = Enumerable.Range(0, 3).Select(i => counter.CountPipelinedAsync($"voter-{i}")).ToList();
        await gated.WaitForArrivalsAsync(3);

        gated.Open();

        await Assert.ThrowsAsync<IOException>(() => calls[0]);
        await Assert.ThrowsAsync<StreamConcurrencyException>(() => calls[1]);
        await Assert.ThrowsAsync<StreamConcurrencyException>(() => calls[2]);
        // Nothing was kept: the grain answers from the log again, and a resend is counted once.
        Assert.Equal(0, await counter.GetAsync());
        Assert.Equal(1, await counter.CountPipelinedAsync("voter-0"));
        Assert.Single(await ((IEventLog)storage.NewLog()).ReadStreamAsync("counter-ballot"));
    }

    [Fact]
    public async Task AnOrdinaryCallAfterPipelinedOnesIsChainedAfterThem()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        await using var host = new TestHost(storage.NewLog());
        var counter = host.Grains.GetGrain<ICounterGrain>("ballot");

        var pipelined = Enumerable.Range(0, 50).Select(i => counter.CountPipelinedAsync($"voter-{i}")).ToList();
        var ordinary = counter.IncrementAsync("chair");
        await Task.WhenAll(pipelined.Append(ordinary)).WaitAsync(Patience);

        var events = await ((IEventLog)storage.NewLog()).ReadStreamAsync("counter-ballot");
        Assert.Equal(51, events.Count);
        Assert.Equal(events.Single(e => e.Actor == "chair").Sequence, await ordinary);
        Assert.True((await ((IEventLog)storage.NewLog()).VerifyStreamAsync("counter-ballot")).IsIntact);
    }
}
