namespace Deliberation.Web.Meetings;

/// <summary>
/// A meeting's changes on their way to its screens. The first change after a quiet spell goes out at once; the changes
/// that follow within <paramref name="window"/> of a push go out together at the window's end, as the meeting is then.
/// So a hall checking in by the thousand becomes a few pushes a second of the latest attendance, not a push of every
/// member's attendance to every screen per check-in. The meeting grain owns one; it runs on the grain's activation, one
/// piece at a time (no locks), and the one activation in the cluster makes it one window per meeting across nodes.
/// </summary>
/// <param name="send">Builds the meeting's view as it is now and pushes it; a failure is logged and the next change tries again.</param>
public sealed class MeetingChangeWindow(TimeProvider clock, TimeSpan window, Func<Task> send, ILogger logger)
{
    private DateTimeOffset _lastSent = DateTimeOffset.MinValue;
    private bool _changed;
    private Task _sending = Task.CompletedTask;

    /// <summary>What is being sent or waiting to be (for a caller that must not return before the screens have it).</summary>
    public Task Sending => _sending;

    /// <summary>Something changed and is durable (or on its way: <paramref name="send"/> waits for it).</summary>
    public void Changed()
    {
        _changed = true;
        if (_sending.IsCompleted) _sending = SendAsync();
    }

    private async Task SendAsync()
    {
        // The caller's turn finishes first, so the changes raised alongside it are in the same push.
        await Task.Yield();
        while (_changed)
        {
            var wait = _lastSent + window - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
            _changed = false;
            _lastSent = clock.GetUtcNow();
            try { await send(); }
            catch (Exception e) { logger.LogWarning(e, "Could not push a meeting's change; the next change pushes the meeting again"); }
        }
    }
}
