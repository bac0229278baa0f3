using Deliberation.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Runtime.Tests.Reminders;

/// <summary>Grain timers run on the clock keyed <c>Orleans.Grains</c>: a fake one moves them.</summary>
public sealed class GrainTimerClockTests
{
    [Fact]
    public async Task AGrainTimerFiresWhenTheFakeClockReachesItsDueTime()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        await using var silo = await TestSilo.StartAsync(storage, new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        await silo.Grains.GetGrain<IDelayGrain>("item-1").StartAsync(TimeSpan.FromHours(2));

        silo.Clock.Advance(TimeSpan.FromHours(2));
        var fired = await silo.Signals.NextAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("item-1", DelayGrain.TimerName), (fired.Grain, fired.Reminder));
        Assert.Equal(new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc), fired.TickTime);
    }
}

public interface IDelayGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan dueIn);
}

public sealed class DelayGrain(ReminderSignals signals, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IDelayGrain
{
    public const string TimerName = "timer";

    public Task StartAsync(TimeSpan dueIn)
    {
        this.RegisterGrainTimer(_ =>
        {
            signals.Fired(this.GetPrimaryKeyString(), TimerName, clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }, dueIn, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }
}
