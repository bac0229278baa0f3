using Deliberation.Web.Ballots;
using Orleans;

namespace Deliberation.Web.Meetings;

/// <summary>A live screen (one circuit) following a meeting.</summary>
public interface ILiveScreen
{
    Task MeetingChangedAsync(MeetingView meeting);

    Task BallotChangedAsync(BallotView ballot, bool @public);
}

/// <summary>
/// This node's live screens, by meeting. A meeting shown here is subscribed once to its <see cref="MeetingScreensGrain"/>
/// (wherever in the cluster that lives) and the pushes fan out to the screens on this node. The subscription is renewed
/// every <see cref="Renewal"/> while a screen shows the meeting, and dropped with the last one.
/// </summary>
public sealed class LiveMeetings(IGrainFactory grains, ILogger<LiveMeetings> logger) : IDisposable
{
    private readonly IGrainFactory _grains = grains;
    private readonly ILogger _logger = logger;
    public static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Shown> _meetings = new(StringComparer.Ordinal);

    /// <summary>Starts sending the meeting's changes to the screen; dispose the answer to stop.</summary>
    public async Task<IAsyncDisposable> WatchAsync(string councilId, string meetingId, ILiveScreen screen)
    {
        var key = MeetingScreensGrain.KeyOf(councilId, meetingId);
        Shown shown;
        lock (_meetings)
        {
            if (!_meetings.TryGetValue(key, out shown!))
                _meetings[key] = shown = new Shown(this, _grains.GetGrain<IMeetingScreensGrain>(key));
            shown.Add(screen);
        }
        try { await shown.Subscribed; }
        catch
        {
            await StopAsync(key, shown, screen);
            throw;
        }
        return new Watch(this, key, shown, screen);
    }

    private async Task StopAsync(string key, Shown shown, ILiveScreen screen)
    {
        lock (_meetings)
        {
            if (!shown.Remove(screen)) return;
            _meetings.Remove(key);
        }
        await shown.EndAsync();
    }

    public void Dispose()
    {
        lock (_meetings)
        {
            foreach (var shown in _meetings.Values) _ = shown.EndAsync();
            _meetings.Clear();
        }
    }

    private sealed class Watch(LiveMeetings owner, string key, Shown shown, ILiveScreen screen) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(owner.StopAsync(key, shown, screen));
    }

    /// <summary>One meeting shown on this node: the observer the grain calls, and the screens it calls in turn.</summary>
    private sealed class Shown : IMeetingScreens
    {
        private readonly LiveMeetings _owner;
        private readonly IMeetingScreensGrain _grain;
        private readonly IMeetingScreens _reference;
        private readonly HashSet<ILiveScreen> _screens = [];
        private readonly CancellationTokenSource _end = new();

        public Shown(LiveMeetings owner, IMeetingScreensGrain grain)
        {
            (_owner, _grain) = (owner, grain);
            _reference = owner._grains.CreateObjectReference<IMeetingScreens>(this);
            Subscribed = _grain.Subscribe(_reference);
            _ = RenewAsync();
        }

        public Task Subscribed { get; }

        public void Add(ILiveScreen screen)
        {
            lock (_screens) _screens.Add(screen);
        }

        /// <summary>Whether that was the last screen.</summary>
        public bool Remove(ILiveScreen screen)
        {
            lock (_screens) return _screens.Remove(screen) && _screens.Count == 0;
        }

        public async Task EndAsync()
        {
            await _end.CancelAsync();
            try { await _grain.Unsubscribe(_reference); }
            catch (Exception e) { _owner._logger.LogDebug(e, "Could not unsubscribe; the subscription lapses by itself"); }
            _owner._grains.DeleteObjectReference<IMeetingScreens>(_reference);
        }

        public Task MeetingChanged(MeetingView meeting) => Each(screen => screen.MeetingChangedAsync(meeting));

        public Task BallotChanged(BallotView ballot, bool @public) => Each(screen => screen.BallotChangedAsync(ballot, @public));

        private Task Each(Func<ILiveScreen, Task> send)
        {
            ILiveScreen[] screens;
            lock (_screens) screens = [.. _screens];
            foreach (var screen in screens)
                _ = send(screen).ContinueWith(t => _owner._logger.LogWarning(t.Exception, "A live screen failed to update"),
                    TaskContinuationOptions.OnlyOnFaulted);
            return Task.CompletedTask;
        }

        private async Task RenewAsync()
        {
            using var timer = new PeriodicTimer(LiveMeetings.Renewal);
            try
            {
                while (await timer.WaitForNextTickAsync(_end.Token))
                {
                    try { await _grain.Subscribe(_reference); }
                    catch (Exception e) { _owner._logger.LogWarning(e, "Could not renew a live meeting's subscription; trying again"); }
                }
            }
            catch (OperationCanceledException) { }
        }
    }
}
