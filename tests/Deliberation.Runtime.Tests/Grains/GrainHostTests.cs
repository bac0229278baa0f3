using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Tests.Storage;

namespace Deliberation.Runtime.Tests.Grains;

public sealed class GrainHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task HundredConcurrentCallsOnOneKeyLoseNoUpdate(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        var log = storage.NewLog();
        await using var host = new TestHost(log);
        var counter = host.Grains.GetGrain<ICounterGrain>("one");

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => counter.IncrementAsync($"caller-{i}")));

        Assert.Equal(100, await counter.GetAsync());
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), results.Order());
        Assert.Equal(100, (await log.ReadStreamAsync("counter-one"))[^1].Sequence);
        Assert.Equal(1, host.Ledger.MaxConcurrent);
        await ((IAsyncDisposable)log).DisposeAsync();
    }

    [Fact]
    public async Task TakesOneCallAtATimePerActivation()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        await using var host = new TestHost(storage.NewLog());
        var counter = host.Grains.GetGrain<ICounterGrain>("turns");
        var release = new TaskCompletionSource();

        var first = counter.HoldAsync(release.Task);
        var second = counter.HoldAsync(Task.CompletedTask);
        var third = counter.IncrementAsync("x");
        Assert.False(second.IsCompleted);
        release.SetResult();

        Assert.Equal(1, await second.WaitAsync(Patience));
        await third.WaitAsync(Patience);
        Assert.Equal(1, await first);
    }

    [Fact]
    public async Task GivesEachKeyItsOwnActivation()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        await using var host = new TestHost(storage.NewLog());

        await host.Grains.GetGrain<ICounterGrain>("a").IncrementAsync("x");
        await host.Grains.GetGrain<ICounterGrain>("b").IncrementAsync("x");
        await host.Grains.GetGrain<ICounterGrain>("a").IncrementAsync("x");

        Assert.Equal(2, await host.Grains.GetGrain<ICounterGrain>("a").GetAsync());
        Assert.Equal(1, await host.Grains.GetGrain<ICounterGrain>("b").GetAsync());
        Assert.Equal(2, host.Host.ActivationCount);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task ARestartedHostRebuildsStateFromTheLog(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using (var before = new TestHost(storage.NewLog()))
        {
            for (var i = 0; i < 5; i++) await before.Grains.GetGrain<ICounterGrain>("kept").IncrementAsync("x");
        }

        await using var after = new TestHost(storage.NewLog());

        Assert.Equal(5, await after.Grains.GetGrain<ICounterGrain>("kept").GetAsync());
    }

    [Fact]
    public async Task CollectsAnIdleActivationAndBringsItBackWithItsState()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        await using var host = new TestHost(storage.NewLog(), idleTimeout: TimeSpan.FromMinutes(10));
        var counter = host.Grains.GetGrain<ICounterGrain>("idle");
        await counter.IncrementAsync("x");

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await host.Host.CollectIdleAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await host.Host.CollectIdleAsync());
        Assert.Equal(0, host.Host.ActivationCount);

        Assert.Equal(2, await counter.IncrementAsync("x"));
        Assert.Equal(2, host.Ledger.Activations);
        Assert.Equal(1, host.Ledger.Deactivations);
    }

    [Fact]
    public async Task DoesNotCollectAnActivationInTheMiddleOfACall()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        await using var host = new TestHost(storage.NewLog(), idleTimeout: TimeSpan.FromMinutes(1));
        var counter = host.Grains.GetGrain<ICounterGrain>("busy");
        await counter.IncrementAsync("x");
        var release = new TaskCompletionSource();
        var holding = counter.HoldAsync(release.Task);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await host.Host.CollectIdleAsync());
        release.SetResult();
        await holding.WaitAsync(Patience);

        Assert.Equal(1, host.Ledger.Activations);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AnActivationSeesWhatAnotherProcessAppended(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var first = new TestHost(storage.NewLog());
        await using var second = new TestHost(storage.NewLog());
        var inSecond = second.Grains.GetGrain<ICounterGrain>("shared");
        await inSecond.GetAsync();

        await first.Grains.GetGrain<ICounterGrain>("shared").IncrementAsync("first");
        await first.Grains.GetGrain<ICounterGrain>("shared").IncrementAsync("first");

        Assert.Equal(2, await inSecond.GetAsync());
        Assert.Equal(3, await inSecond.IncrementAsync("second"));
    }

    [Fact]
    public async Task CallsQueuedTogetherShareOneCatchUpRead()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        var log = new CountingLog(storage.NewLog());
        await using var host = new TestHost(log);
        var counter = host.Grains.GetGrain<ICounterGrain>("busy");
        var release = new TaskCompletionSource();
        var holding = counter.HoldAsync(release.Task);
        await host.Ledger.Holding.Task.WaitAsync(Patience);
        var readsBefore = log.Reads;
        var queued = Enumerable.Range(0, 50).Select(_ => counter.GetAsync()).ToList();

        release.SetResult();
        await Task.WhenAll(queued).WaitAsync(Patience);

        // The first queued call's read began after all fifty were made, so it serves them all.
        Assert.Equal(1, log.Reads - readsBefore);
        await holding.WaitAsync(Patience);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task TwoProcessesOnOneDatabaseNeverInterleaveAStream(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var first = new TestHost(storage.NewLog());
        await using var second = new TestHost(storage.NewLog());

        var calls = Enumerable.Range(0, 40).Select(async i =>
        {
            var host = i % 2 == 0 ? first : second;
            try { await host.Grains.GetGrain<ICounterGrain>("shared").IncrementAsync(i % 2 == 0 ? "first" : "second"); return true; }
            catch (StreamConcurrencyException) { return false; }
        });
        var succeeded = (await Task.WhenAll(calls)).Count(ok => ok);

        var events = await ((IEventLog)storage.NewLog()).ReadStreamAsync("counter-shared");
        Assert.Equal(succeeded, events.Count);
        Assert.Equal(Enumerable.Range(1, succeeded).Select(n => (long)n), events.Select(e => e.Sequence));
        Assert.True((await ((IEventLog)storage.NewLog()).VerifyStreamAsync("counter-shared")).IsIntact);
        Assert.Equal(succeeded, await second.Grains.GetGrain<ICounterGrain>("shared").GetAsync());
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AWriterThatDoesNotCatchUpIsRefusedAndThenCatchesUp(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var first = new TestHost(storage.NewLog());
        await using var second = new TestHost(storage.NewLog());
        var inFirst = first.Grains.GetGrain<ICounterGrain>("owned-shared");
        var inSecond = second.Grains.GetGrain<ICounterGrain>("owned-shared");
        await inFirst.GetAsync();
        await inSecond.GetAsync();

        await inFirst.IncrementAsync("first");
        await Assert.ThrowsAsync<StreamConcurrencyException>(() => inSecond.IncrementAsync("second"));

        // The loser caught up when it failed: its retry lands after the winner's event.
        Assert.Equal(1, await inSecond.GetAsync());
        Assert.Equal(2, await inSecond.IncrementAsync("second"));
        var events = await ((IEventLog)storage.NewLog()).ReadStreamAsync("counter-owned-shared");
        Assert.Equal(["first", "second"], events.Select(e => e.Actor));
    }

    [Fact]
    public async Task AFailedActivationLeavesNothingBehind()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        await using var host = new TestHost(storage.NewLog());

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Grains.GetGrain<ICounterGrain>("broken").GetAsync());

        Assert.Equal(0, host.Host.ActivationCount);
    }

    [Fact]
    public async Task PassesTheGrainsOwnExceptionToTheCaller()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        await using var host = new TestHost(storage.NewLog());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Grains.GetGrain<ICounterGrain>("k").FailAsync());

        Assert.Equal("the grain's own error", error.Message);
        Assert.Equal(0, await host.Grains.GetGrain<ICounterGrain>("k").GetAsync());
    }
}
