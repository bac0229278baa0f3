using Orleans.Reminders.Diagnostics;
using Orleans.Runtime;

namespace Deliberation.Runtime.Tests.Reminders;

/// <summary>
/// Signals when the reminder service has armed the wait for a grain's next tick. Only then does moving the fake clock
/// to the due time fire it: a tick found already due when it is armed waits one more millisecond of that clock.
/// </summary>
public sealed class ReminderProbe : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly GrainId _grain;
    private readonly IDisposable _subscription;
    private TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReminderProbe(GrainId grain)
    {
        _grain = grain;
        _subscription = ReminderEvents.AllEvents.Subscribe(this);
    }

    /// <summary>Waits for the next arming after the last call (or after the probe was made).</summary>
    public async Task ArmedAsync(TimeSpan timeout)
    {
        try
        {
            await Volatile.Read(ref _armed).Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The reminder of {_grain} was not armed within {timeout}.");
        }
        Volatile.Write(ref _armed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (value is ReminderEvents.LocalReminderTickWaitArmed && value.GrainId == _grain) Volatile.Read(ref _armed).TrySetResult();
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }
    public void Dispose() => _subscription.Dispose();
}
