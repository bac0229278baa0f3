using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Grains;

namespace Deliberation.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<long> IncrementAsync(string by);

    Task<long> GetAsync();

    /// <summary>Counts in the turn and acknowledges once durable, letting the next call in meanwhile.</summary>
    [Pipelined]
    Task<long> CountPipelinedAsync(string by);

    /// <summary>Holds the turn until <paramref name="release"/> completes: shows whether calls overlap.</summary>
    Task<int> HoldAsync(Task release);

    Task FailAsync();
}

/// <summary>A grain for tests: counts its events, and notes how many calls ever ran inside it at once.</summary>
public sealed class CounterGrain(IEventLog log, TimeProvider clock, ActivationLedger ledger) : JournaledGrain<CounterState>(log), ICounterGrain
{
    private int _inside;

    protected override string StreamId => $"counter-{GrainKey}";

    // Keys starting "owned" act like a grain that holds its stream by lease: they rely on the append's version check alone.
    protected override bool CatchUpBeforeEachCall => !GrainKey.StartsWith("owned");

    protected override CounterState InitialState() => new(0);

    protected override CounterState Apply(CounterState state, EventEnvelope e) => new(state.Count + 1);

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        if (GrainKey.StartsWith("broken")) throw new InvalidOperationException("cannot activate");
        ledger.Activated(GrainKey);
        await base.OnActivateAsync(ct);
    }

    public override Task OnDeactivateAsync(CancellationToken ct)
    {
        ledger.Deactivated(GrainKey);
        return Task.CompletedTask;
    }

    public async Task<long> IncrementAsync(string by)
    {
        Enter();
        try
        {
            await Task.Yield();
            await RaiseAsync([new PendingEvent("Counted", by, clock.GetUtcNow(), "{}")], null);
            return State.Count;
        }
        finally { Interlocked.Decrement(ref _inside); }
    }

    public Task<long> GetAsync() => Task.FromResult(State.Count);

    public Task<long> CountPipelinedAsync(string by)
    {
        var durable = RaisePipelinedAsync([new PendingEvent("Counted", by, clock.GetUtcNow(), "{}")], null);
        var count = State.Count;
        return Acknowledge(durable, count);

        static async Task<long> Acknowledge(Task durable, long count)
        {
            await durable;
            return count;
        }
    }

    public async Task<int> HoldAsync(Task release)
    {
        Enter();
        ledger.Holding.TrySetResult();
        try { await release; return ledger.MaxConcurrent; }
        finally { Interlocked.Decrement(ref _inside); }
    }

    public Task FailAsync() => throw new ArgumentException("the grain's own error");

    private void Enter() => ledger.Observe(Interlocked.Increment(ref _inside));
}

public sealed record CounterState(long Count);

/// <summary>What happened to activations, for tests to check.</summary>
public sealed class ActivationLedger
{
    private int _max;
    public int Activations;
    public int Deactivations;

    public int MaxConcurrent => _max;

    /// <summary>Set once a call is inside <c>HoldAsync</c>, holding the activation's turn.</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Activated(string key) => Interlocked.Increment(ref Activations);

    public void Deactivated(string key) => Interlocked.Increment(ref Deactivations);

    public void Observe(int inside)
    {
        int seen;
        while (inside > (seen = _max) && Interlocked.CompareExchange(ref _max, inside, seen) != seen) { }
    }
}
