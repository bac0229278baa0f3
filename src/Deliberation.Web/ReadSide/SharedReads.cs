using System.Collections.Concurrent;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// One database read shared by the requests for the same key that arrive while another read of it is under way, so
/// that under a burst a cached page costs one key query per query's duration, not one per request. A request is never
/// given a read that began before it arrived: it waits for the read in flight to end and shares the next one, so
/// every event committed before the request came is in its answer, as with a read of its own.
/// </summary>
public sealed class SharedReads<T>
{
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    public Task<T> ReadAsync(string key, Func<Task<T>> read, CancellationToken ct) =>
        _flights.GetOrAdd(key, k => new Flight(this, k)).JoinAsync(read).WaitAsync(ct);

    private sealed class Flight(SharedReads<T> owner, string key)
    {
        private readonly object _gate = new();
        private TaskCompletionSource<T>? _next;
        private bool _reading;

        public Task<T> JoinAsync(Func<Task<T>> read)
        {
            TaskCompletionSource<T> batch;
            lock (_gate)
            {
                batch = _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_reading) return batch.Task;
                _reading = true;
                _next = null;
            }
            _ = RunAsync(batch, read);
            return batch.Task;
        }

        private async Task RunAsync(TaskCompletionSource<T> batch, Func<Task<T>> read)
        {
            while (true)
            {
                try
                {
                    batch.TrySetResult(await read().ConfigureAwait(false));
                }
                catch (Exception e)
                {
                    batch.TrySetException(e);
                }
                lock (_gate)
                {
                    if (_next is null)
                    {
                        _reading = false;
                        // Idle keys are dropped, so item ids from addresses cannot grow the table; a request that got
                        // this flight just before still reads on its own (JoinAsync starts it again).
                        owner._flights.TryRemove(new KeyValuePair<string, Flight>(key, this));
                        return;
                    }
                    batch = _next;
                    _next = null;
                }
            }
        }
    }
}
