using System.Diagnostics;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

// Appends through the grain host into the event log, the path every change takes. Two shapes:
//  - many streams at once (each "voter" appends one event to its own stream): group commit at work;
//  - one stream, many callers: one activation, one call at a time.
// Then the writer alone: the first shape without the grain host (no activations reading their streams first).
// Usage: Deliberation.Bench <sqlite|postgres> <connection string> [appends=5000]
var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var connection = args.ElementAtOrDefault(1) ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():n}.db")}";
var count = int.TryParse(args.ElementAtOrDefault(2), out var n) ? n : 5000;

var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<TimeProvider>(TimeProvider.System);
services.AddSingleton(_ => EventLogFactory.Create(new EventLogOptions { Provider = provider, ConnectionString = connection }));
services.AddGrains();
services.AddGrain<ITallyGrain, TallyGrain>();
await using var root = services.BuildServiceProvider();
var grains = root.GetRequiredService<IGrainFactory>();
await grains.GetGrain<ITallyGrain>("warm-up").AddAsync("warm-up");

Console.WriteLine($"event log: {provider}, {count} appends per run, {Environment.ProcessorCount} cores");
await Run($"{count} callers, one stream each", i => grains.GetGrain<ITallyGrain>($"voter-{i}").AddAsync($"u-{i}"));
await Run($"{count} callers, one shared stream", i => grains.GetGrain<ITallyGrain>("ballot").AddAsync($"u-{i}"));
var log = root.GetRequiredService<IEventLog>();
await Run($"{count} direct appends, one stream each", i => log.AppendAsync(
    new StreamAppend($"direct-{i}", 0, [new PendingEvent("VoteCast", $"u-{i}", DateTimeOffset.UtcNow, "{\"choice\":\"for\"}")], null)));

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

public interface ITallyGrain : IGrainWithStringKey
{
    Task AddAsync(string voter);
}

public sealed class TallyGrain(IEventLog log) : JournaledGrain<object>(log), ITallyGrain
{
    protected override string StreamId => $"bench-{GrainKey}";

    protected override object InitialState() => new();

    protected override object Apply(object state, EventEnvelope e) => state;

    public Task AddAsync(string voter) =>
        RaiseAsync([new PendingEvent("VoteCast", voter, DateTimeOffset.UtcNow, "{\"choice\":\"for\"}")], null);
}
