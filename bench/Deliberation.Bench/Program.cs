using System.Diagnostics;
using Deliberation.Runtime.EventLog;

// Appends straight into the event log, the path every change ends on: many streams at once (each "voter" appends one
// event to its own stream), so group commit is at work. The path through the grains (on an Orleans silo) is measured
// by bench/votes.sh.
// Usage: Deliberation.Bench <sqlite|postgres> <connection string> [appends=5000]
var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var connection = args.ElementAtOrDefault(1) ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():n}.db")}";
var count = int.TryParse(args.ElementAtOrDefault(2), out var n) ? n : 5000;

var log = EventLogFactory.Create(new EventLogOptions { Provider = provider, ConnectionString = connection });
await log.AppendAsync(new StreamAppend("warm-up", 0, [new PendingEvent("VoteCast", "warm-up", DateTimeOffset.UtcNow, "{}")], null));

Console.WriteLine($"event log: {provider}, {count} appends per run, {Environment.ProcessorCount} cores");
await Run($"{count} direct appends, one stream each", i => log.AppendAsync(
    new StreamAppend($"direct-{i}", 0, [new PendingEvent("VoteCast", $"u-{i}", DateTimeOffset.UtcNow, "{\"choice\":\"for\"}")], null)));
await ((IAsyncDisposable)log).DisposeAsync();

async Task Run(string name, Func<int, Task> append)
{
    var latencies = new double[count];
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
    {
        var one = Stopwatch.StartNew();
        await append(i);
        latencies[i] = one.Elapsed.TotalMilliseconds;
    }));
    total.Stop();
    Array.Sort(latencies);
    Console.WriteLine($"{name}: {total.Elapsed.TotalSeconds:F2} s, {count / total.Elapsed.TotalSeconds:F0} appends/s, " +
        $"acknowledged p50 {latencies[count / 2]:F0} ms, p99 {latencies[(int)(count * 0.99)]:F0} ms, max {latencies[^1]:F0} ms");
}
