using System.Threading.Channels;
using Orleans.Reminders.Diagnostics;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// What Orleans' reminder service does for one grain, in order: a wait for its next tick armed (only then does moving
/// the clock fire it), a tick delivered and answered. Made before the app starts, it also sees a restart's first load.
/// </summary>
public sealed class ReminderProbe : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly Func<string, bool> _matches;
    private readonly string _grainKey;
    private readonly Channel<ReminderEvents.ReminderEvent> _events = Channel.CreateUnbounded<ReminderEvents.ReminderEvent>();
    private readonly IDisposable _subscription;

    /// <param name="grainKey">The grain's key (an item id): ids are unique, so apps running side by side do not mix.</param>
    public ReminderProbe(string grainKey) : this(grainKey, key => key == grainKey) { }

    /// <summary>For a grain whose key the app makes up (a new request's id): any key matching, e.g. by its prefix.</summary>
    public ReminderProbe(string description, Func<string, bool> matches)
    {
        _grainKey = description;
        _matches = matches;
        _subscription = ReminderEvents.AllEvents.Subscribe(this);
    }

    public Task ArmedAsync() => NextAsync<ReminderEvents.LocalReminderTickWaitArmed>();

    /// <summary>The grain has answered a tick: what it committed is durable.</summary>
    public Task TickedAsync() => NextAsync<ReminderEvents.TickCompleted>();

    private async Task NextAsync<TEvent>() where TEvent : ReminderEvents.ReminderEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (await _events.Reader.ReadAsync(timeout.Token) is not TEvent) { }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {typeof(TEvent).Name} for {_grainKey} within 20 s.");
        }
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (_matches(value.GrainId.Key.ToString()!)) _events.Writer.TryWrite(value);
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }
    public void Dispose() => _subscription.Dispose();
}
