using System.Threading.Channels;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Runtime.Tests.Reminders;

public interface IDueDateGrain : IGrainWithStringKey
{
    Task ArmAsync(TimeSpan dueIn, TimeSpan period);
}

/// <summary>A grain that asks Orleans to wake it at a due date, and says when it was woken.</summary>
public sealed class DueDateGrain(ReminderSignals signals) : Grain, IDueDateGrain, IRemindable
{
    public const string ReminderName = "due";

    public Task ArmAsync(TimeSpan dueIn, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueIn, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        signals.Fired(this.GetPrimaryKeyString(), reminderName, status.CurrentTickTime);
        return Task.CompletedTask;
    }
}

/// <summary>What the grains were woken for, in order; a test waits on the next one with a timeout.</summary>
public sealed class ReminderSignals
{
    private readonly Channel<(string Grain, string Reminder, DateTime TickTime)> _fired = Channel.CreateUnbounded<(string, string, DateTime)>();

    public void Fired(string grain, string reminder, DateTime tickTime) => _fired.Writer.TryWrite((grain, reminder, tickTime));

    public async Task<(string Grain, string Reminder, DateTime TickTime)> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _fired.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No reminder fired within {timeout}.");
        }
    }

    public bool TryTake(out (string Grain, string Reminder, DateTime TickTime) fired) => _fired.Reader.TryRead(out fired);
}
