using System.Diagnostics;
using System.Globalization;

// Usage: Deliberation.Bench.Load <url> [rate per second=1000] [seconds=20] [warm-up seconds=3] ["Header: value" ...]
// Each request is due at start + i / rate and is sent then, without waiting for earlier answers (open loop), so a slow
// server cannot slow the offered load down. A latency is measured from the request's due time, not from when it was
// sent, so queueing in the generator counts against the server too (no coordinated omission).
var url = args.Length > 0 ? args[0] : throw new ArgumentException("Give the URL to load.");
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var warmUp = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;

using var client = new HttpClient(new SocketsHttpHandler
{
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    MaxConnectionsPerServer = 512,
    AutomaticDecompression = System.Net.DecompressionMethods.None,
}) { Timeout = TimeSpan.FromSeconds(10) };
// Headers a proxy would add (the app outside Development serves its pages over https only: X-Forwarded-Proto).
foreach (var header in args.Skip(4))
{
    var colon = header.IndexOf(':', StringComparison.Ordinal);
    client.DefaultRequestHeaders.Add(header[..colon].Trim(), header[(colon + 1)..].Trim());
}

await RunAsync(warmUp, record: false);
var (latencies, errors, bytes) = await RunAsync(seconds, record: true);
Array.Sort(latencies);
double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"offered {rate}/s for {seconds}s: {latencies.Length} answered, {errors} failed, {bytes / Math.Max(1, latencies.Length)} bytes each; " +
    $"latency ms p50 {Percentile(0.50):F1}, p90 {Percentile(0.90):F1}, p99 {Percentile(0.99):F1}, p99.9 {Percentile(0.999):F1}, max {latencies.LastOrDefault():F1}"));
return errors == 0 ? 0 : 1;

async Task<(double[] Latencies, int Errors, long Bytes)> RunAsync(int duration, bool record)
{
    var total = rate * duration;
    var results = new double[total];
    var failed = 0;
    long received = 0;
    var tasks = new Task[total];
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < total; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / rate);
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
        else if (wait > TimeSpan.Zero) SpinWait.SpinUntil(() => clock.Elapsed >= due);
        var index = i;
        tasks[i] = Task.Run(async () =>
        {
            try
            {
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
                Interlocked.Add(ref received, body.Length);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failed);
            }
            results[index] = (clock.Elapsed - due).TotalMilliseconds;
        });
    }
    await Task.WhenAll(tasks);
    return (record ? results : [], failed, received);
}
