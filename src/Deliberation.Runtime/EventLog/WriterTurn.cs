using System.Collections.Concurrent;

namespace Deliberation.Runtime.EventLog;

/// <summary>
/// Turns at an SQLite database's one write lock among this process's writers: the event log's flushes and the
/// projections' batches. Left to SQLite, a writer that finds the lock taken sleeps (1, 2, 5, 10, 15 ... ms, its busy
/// handler) and tries again, so a vote's flush behind fourteen projection batches slept far longer than they held the
/// lock (50 ms at the hall's 99th percentile, docs/performance.md); waiting here, it starts as soon as the writer
/// before it is done, in the order they came. One turn per database file, shared by every log and runner on it.
/// </summary>
internal static class WriterTurn
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>No turn to take (PostgreSQL).</summary>
    public static IDisposable None { get; } = new Held(null);

    public static async Task<IDisposable> TakeAsync(string database, CancellationToken ct)
    {
        var turn = Turns.GetOrAdd(database, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct).ConfigureAwait(false);
        return new Held(turn);
    }

    private sealed class Held(SemaphoreSlim? turn) : IDisposable
    {
        private SemaphoreSlim? _turn = turn;

        public void Dispose() => Interlocked.Exchange(ref _turn, null)?.Release();
    }
}
