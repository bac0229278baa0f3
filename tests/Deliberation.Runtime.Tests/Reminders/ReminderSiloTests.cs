using Deliberation.Runtime.Tests.Storage;
using Orleans.Runtime;

namespace Deliberation.Runtime.Tests.Reminders;

/// <summary>
/// Orleans' reminder service on our table: a reminder fires when the (fake) clock reaches its due time, and is still
/// there, and fires, after the silo restarts on the same database.
/// </summary>
public sealed class ReminderSiloTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task FiresWhenTheFakeClockReachesTheDueTime(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        var key = NewKey();
        using var probe = new ReminderProbe(GrainId.Create("duedate", key));
        await using var silo = await TestSilo.StartAsync(storage, Start);
        await silo.Grains.GetGrain<IDueDateGrain>(key).ArmAsync(TimeSpan.FromDays(7), TimeSpan.FromMinutes(1));
        await probe.ArmedAsync(Timeout);

        silo.Clock.Advance(TimeSpan.FromDays(7));
        var fired = await silo.Signals.NextAsync(Timeout);

        Assert.Equal((key, DueDateGrain.ReminderName), (fired.Grain, fired.Reminder));
        Assert.Equal(Start.AddDays(7).UtcDateTime, fired.TickTime);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task StillFiresAfterTheSiloRestartsOnTheSameDatabase(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        var key = NewKey();
        await using (var before = await TestSilo.StartAsync(storage, Start))
        {
            using var armedBefore = new ReminderProbe(GrainId.Create("duedate", key));
            await before.Grains.GetGrain<IDueDateGrain>(key).ArmAsync(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
            await armedBefore.ArmedAsync(Timeout);
            before.Clock.Advance(TimeSpan.FromHours(1));
            await before.Signals.NextAsync(Timeout);
        }

        // Only the restarted silo's arming counts: the old one re-armed for its next tick before it stopped.
        using var armedAfter = new ReminderProbe(GrainId.Create("duedate", key));
        await using var after = await TestSilo.StartAsync(storage, Start.AddHours(1).AddMinutes(1));
        await armedAfter.ArmedAsync(Timeout);
        after.Clock.Advance(TimeSpan.FromMinutes(59));
        var fired = await after.Signals.NextAsync(Timeout);

        Assert.Equal(key, fired.Grain);
        Assert.Equal(Start.AddHours(2).UtcDateTime, fired.TickTime);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AReminderDueWhileNoSiloRanFiresAtTheFirstPeriodAfterTheRestart(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        var key = NewKey();
        await using (var before = await TestSilo.StartAsync(storage, Start))
            await before.Grains.GetGrain<IDueDateGrain>(key).ArmAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));
        using var probe = new ReminderProbe(GrainId.Create("duedate", key));

        // Down from 08:00 to 08:30:30; the due time (08:10) passed meanwhile. Orleans skips missed ticks: the next one
        // is the first whole period after the restart, 08:31.
        await using var after = await TestSilo.StartAsync(storage, Start.AddMinutes(30).AddSeconds(30));
        await probe.ArmedAsync(Timeout);
        after.Clock.Advance(TimeSpan.FromSeconds(30));
        var fired = await after.Signals.NextAsync(Timeout);

        Assert.Equal(Start.AddMinutes(31).UtcDateTime, fired.TickTime);
    }

    private static string NewKey() => "item-" + Guid.NewGuid().ToString("n");
}
