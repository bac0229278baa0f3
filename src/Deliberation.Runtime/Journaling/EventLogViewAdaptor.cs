using System.Data.Common;
using Deliberation.Runtime.EventLog;
using Orleans.EventSourcing;

namespace Deliberation.Runtime.Journaling;

/// <summary>
/// One grain's view of its event stream. It holds the view once: the grain's commands decide their events on the live
/// view (the domain folds what it decides into it), then raise them here, and the adaptor writes them and never applies
/// them again. Everything raised while a write is out goes together in the next write (one append, chained on the
/// version the last write reached), so interleaved calls share commits. A write that conflicts or fails fails every
/// caller waiting on it or raised after it (their decisions included it), nothing is retried, and the view is rebuilt
/// from the log before the next call. Reads and writes give up after a bounded time: a read or a write that failed
/// before its commit is "storage unavailable" (nothing kept), a write that did not answer in time or whose commit went
/// unconfirmed is "outcome unknown" (<see cref="WriteOutcomeUnknownException"/>): the next call rereads the stream
/// once that write has finished, so a resend with the same request id finds it if it landed.
/// All of this runs on the activation's scheduler, one piece at a time: no locks.
/// </summary>
internal sealed class EventLogViewAdaptor<TView, TEntry>(
    ILogViewAdaptorHost<TView, TEntry> host, IEventLogJournal<TView, TEntry> journal, IEventLog log, TimeSpan timeout)
    : ILogViewAdaptor<TView, TEntry>
    where TView : class, new()
    where TEntry : class
{
    private readonly List<Submission> _queued = [];
    private readonly List<Submission> _writing = [];
    private TView _view = new();
    private long _version;
    private bool _loaded;
    private Task? _loading;
    private Task? _writer;
    private Task _lastAppend = Task.CompletedTask;

    /// <summary>The one view, including what is raised and not yet durable (there is no second, confirmed copy).</summary>
    public TView TentativeView => _view;

    public TView ConfirmedView => _view;

    public int ConfirmedVersion => checked((int)_version);

    public IEnumerable<TEntry> UnconfirmedSuffix => _writing.Concat(_queued).SelectMany(s => s.Entries);

    public Task PreOnActivate() => Task.CompletedTask;

    public Task PostOnActivate() => Task.CompletedTask;

    public Task PostOnDeactivate() => _writer ?? Task.CompletedTask;

    public void Submit(TEntry entry) => Enqueue([entry]);

    public void SubmitRange(IEnumerable<TEntry> entries) => Enqueue(entries.ToArray());

    public Task<bool> TryAppend(TEntry entry) => Enqueue([entry]).Done.Task;

    public Task<bool> TryAppendRange(IEnumerable<TEntry> entries) => Enqueue(entries.ToArray()).Done.Task;

    public async Task ConfirmSubmittedEntries()
    {
        foreach (var submission in _writing.Concat(_queued).ToArray())
            if (!await submission.Done.Task) throw submission.Conflict!;
    }

    /// <summary>
    /// Reads the stream when the view is not loaded: on the first call, and after a failed write or a discarded view.
    /// The activation is the stream's one writer (one activation per key in the cluster), so otherwise the view is
    /// already what the log holds plus what is on its way, and this costs nothing.
    /// </summary>
    public async Task Synchronize()
    {
        if (journal.TakeViewDiscarded()) _loaded = false;
        if (_loaded) return;
        var loading = _loading ??= LoadAsync();
        try
        {
            await loading;
        }
        finally
        {
            if (ReferenceEquals(_loading, loading)) _loading = null;
        }
    }

    public async Task<IReadOnlyList<TEntry>> RetrieveLogSegment(int fromVersion, int toVersion) =>
        (await Bounded(log.ReadStreamAsync(journal.StreamId, fromVersion), "read"))
            .Where(e => e.Sequence <= toVersion).Select(journal.Decode).ToList();

    public void EnableStatsCollection() { }

    public void DisableStatsCollection() { }

    public LogConsistencyStatistics? GetStats() => null;

    private Submission Enqueue(TEntry[] entries)
    {
        var submission = new Submission(entries);
        if (!_loaded)
        {
            // Decided on a view a failed write has just discarded: it cannot be kept; the caller may try again.
            submission.Done.SetException(new StorageUnavailableException(
                $"Stream '{journal.StreamId}' is being reread after a failed write; nothing was written. Try again."));
            return submission;
        }
        if (entries.Length == 0)
        {
            submission.Done.SetResult(true);
            return submission;
        }
        _queued.Add(submission);
        _writer ??= WriteAsync();
        return submission;
    }

    private async Task WriteAsync()
    {
        // Let the calls already waiting on this activation decide and raise theirs first, so they share this write.
        await Task.Yield();
        while (_queued.Count > 0)
        {
            _writing.AddRange(_queued);
            _queued.Clear();
            IReadOnlyList<EventEnvelope> stored;
            try
            {
                var entries = _writing.SelectMany(s => s.Entries).ToList();
                var append = new StreamAppend(journal.StreamId, _version, entries.Select(journal.Encode).ToList(), journal.Summarize(_view, entries));
                var sent = log.AppendAsync(append);
                _lastAppend = sent;
                stored = await BoundedWrite(sent);
            }
            catch (Exception failure)
            {
                Fail(failure);
                break;
            }
            _version = stored[^1].Sequence;
            foreach (var e in stored) journal.Stored(_view, e);
            var written = _writing.ToArray();
            _writing.Clear();
            foreach (var submission in written) submission.Done.TrySetResult(true);
            host.OnViewChanged(tentative: false, confirmed: true);
        }
        _writer = null;
    }

    /// <summary>Fails the write and everything raised after it (decided on a view that included it); the view is reloaded.</summary>
    private void Fail(Exception failure)
    {
        var failed = _writing.Concat(_queued).ToArray();
        _writing.Clear();
        _queued.Clear();
        _loaded = false;
        foreach (var submission in failed)
        {
            if (failure is StreamConcurrencyException conflict)
            {
                submission.Conflict = conflict;
                submission.Done.TrySetResult(false);
            }
            else submission.Done.TrySetException(failure);
        }
    }

    private async Task LoadAsync()
    {
        // A write that outlived its timeout may still commit: read only once it has finished, so the view includes it or it failed.
        if (!_lastAppend.IsCompleted)
        {
            try { await _lastAppend.WaitAsync(timeout); }
            catch (TimeoutException e) { throw Unavailable("write", e); }
            catch (Exception) { /* failed, or its outcome is unknown: the read below says which */ }
        }
        while (_writer is { } writing) await writing;
        var events = await Bounded(log.ReadStreamAsync(journal.StreamId), "read");
        var view = new TView();
        foreach (var e in events)
        {
            host.UpdateView(view, journal.Decode(e));
            journal.Stored(view, e);
        }
        _view = view;
        _version = events.Count == 0 ? 0 : events[^1].Sequence;
        _loaded = true;
        host.OnViewChanged(tentative: true, confirmed: true);
    }

    private async Task<T> Bounded<T>(Task<T> io, string what)
    {
        try
        {
            return await io.WaitAsync(timeout);
        }
        catch (Exception e) when (e is TimeoutException or DbException or IOException or System.Net.Sockets.SocketException)
        {
            throw Unavailable(what, e);
        }
    }

    /// <summary>
    /// A write that failed before its commit kept nothing; one that did not answer in time, or whose commit failed
    /// unconfirmed, may still land: its outcome is unknown, and the view is reread once it has finished.
    /// </summary>
    private async Task<IReadOnlyList<EventEnvelope>> BoundedWrite(Task<IReadOnlyList<EventEnvelope>> write)
    {
        try
        {
            return await write.WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw new WriteOutcomeUnknownException(
                $"The event log did not confirm a write to stream '{journal.StreamId}' within {timeout.TotalSeconds:0.#} s and it may still land; " +
                $"{WriteOutcomeUnknownException.Advice}.", e);
        }
        catch (Exception e) when (e is DbException or IOException or System.Net.Sockets.SocketException)
        {
            throw Unavailable("write", e);
        }
    }

    private StorageUnavailableException Unavailable(string what, Exception inner) => new(
        $"The event log failed or did not answer a {what} of stream '{journal.StreamId}' within {timeout.TotalSeconds:0.#} s; " +
        "nothing of this request is kept. Try again.", inner);

    private sealed class Submission(TEntry[] entries)
    {
        public TEntry[] Entries { get; } = entries;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StreamConcurrencyException? Conflict { get; set; }
    }
}
