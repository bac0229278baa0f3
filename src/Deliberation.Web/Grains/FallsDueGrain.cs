using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.Grains;

/// <summary>
/// An aggregate grain whose state falls due on its own (a notice period's end, an escalation's time to respond, a small
/// request's day): an Orleans reminder, kept in our database, wakes it at the next due time, also after a restart, and
/// the council's clock decides what is due. After every call the reminder is made to follow the state, so a command
/// needs to do nothing about it; the due time is also in the log's <c>dues</c> table, so one found without a reminder
/// is woken at start (<see cref="DueTimesGrain"/>). One mechanism for every kind: a kind says what is due and what then
/// happens, nothing more.
/// </summary>
public abstract class FallsDueGrain<TAggregate, TEvent>(string category, string reminder, TimeProvider clock, ILogger logger)
    : AggregateGrain<TAggregate, TEvent>(category), IRemindable
    where TAggregate : class
    where TEvent : class
{
    /// <summary>The council's process, not a person, in the history.</summary>
    public const string ProcessActor = "system";

    // Orleans' shortest period. There is a period at all so that a tick that changed nothing is tried again: one missed
    // while no silo ran (Orleans skips it and fires at the next period), or one that found the step still held up.
    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    // The due time the reminder is known to be set for; null when none is known (as after an activation).
    private DateTimeOffset? _remindedFor;

    protected TimeProvider Clock => clock;

    protected sealed override bool MayFallDue => true;

    protected abstract override DateTimeOffset? DueOf(TAggregate aggregate);

    /// <summary>What the process records when the aggregate is looked at by <paramref name="now"/> (none when nothing is due).</summary>
    protected abstract IReadOnlyList<TEvent> WhenDue(TAggregate aggregate, DateTimeOffset now);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != reminder) return;
        // The reminder that woke this activation is set for what is due now.
        if (Current is { } before) _remindedFor ??= DueOf(before);
        await ActOnDueAsync();
        if (Current is null || DueOf(Current) is null) await ForgetReminderAsync();
    }

    /// <summary>For a grain found due without a reminder (<see cref="IFallsDue"/>): act, and set the reminder afresh.</summary>
    public async Task<DueTimeKept> KeepDueTimeAsync()
    {
        _remindedFor = null;
        var acted = await ActOnDueAsync();
        return new DueTimeKept(Current is { } aggregate ? DueOf(aggregate) : null, Version, acted);
    }

    /// <summary>Whether anything was due (and is now recorded).</summary>
    private async Task<bool> ActOnDueAsync()
    {
        var now = clock.GetUtcNow();
        if (Current is not { } aggregate) return false;
        var due = WhenDue(aggregate, now);
        await CommitAsync(due, ProcessActor, now);
        return due.Count > 0;
    }

    protected override async Task AfterCallAsync()
    {
        var due = Current is { } aggregate ? DueOf(aggregate) : null;
        if (due == _remindedFor) return;
        try
        {
            var now = clock.GetUtcNow();
            if (due is { } at) await this.RegisterOrUpdateReminder(reminder, at - now > Soonest ? at - now : Soonest, Retry);
            else await ForgetReminderAsync();
            _remindedFor = due;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The change itself is durable; the next call or the reconciler sets the reminder again.
            logger.LogWarning(e, "The reminder of {Stream} could not be set.", StreamId);
        }
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(reminder) is { } set) await this.UnregisterReminder(set);
    }
}
