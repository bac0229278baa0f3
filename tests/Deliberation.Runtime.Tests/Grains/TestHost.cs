using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Runtime.Tests.Grains;

/// <summary>One "process": a grain host over a given event log, with a clock the test moves.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestHost(IEventLog log, ManualClock? clock = null, TimeSpan? idleTimeout = null)
    {
        Clock = clock ?? new ManualClock();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(log);
        services.AddSingleton(Ledger);
        services.AddGrains(options => options.IdleTimeout = idleTimeout ?? TimeSpan.FromMinutes(10));
        services.AddGrain<ICounterGrain, CounterGrain>();
        _services = services.BuildServiceProvider();
    }

    public ManualClock Clock { get; }
    public ActivationLedger Ledger { get; } = new();
    public IGrainFactory Grains => _services.GetRequiredService<IGrainFactory>();
    public IGrainHost Host => _services.GetRequiredService<IGrainHost>();

    public async ValueTask DisposeAsync()
    {
        await Host.DeactivateAllAsync();
        await _services.DisposeAsync();
    }
}

/// <summary>Time that moves only when told to, for both wall-clock time and timestamps.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
