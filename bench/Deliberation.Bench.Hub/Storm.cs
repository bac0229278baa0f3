using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Bench.Shared;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Bench.Hub;

/// <summary>
/// The storm, from its own process: members check themselves in over HTTP, W signed-out watchers and N members join the
/// meeting over WebSockets, then each of two ballots (all at once; spread over 5 s) takes N hub votes; the chair closes
/// it and the time until the last watcher shows the result is taken; the server's log is read for what it stored. Then
/// the same N connections vote on the bare hub. Prints figures; asserts nothing.
/// </summary>
public static class Storm
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task RunAsync(string folder, int watchers)
    {
        var plan = JsonSerializer.Deserialize<StormPlan>(await File.ReadAllTextAsync(Path.Combine(folder, "setup.json")))!;
        var voters = plan.VoterIds.Length;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(plan.Address), Timeout = TimeSpan.FromMinutes(5) };
        Console.WriteLine($"hub storm: {voters} members, {watchers} watchers, {Environment.ProcessorCount} cores shared by server and client");

        await CheckInAsync(http, plan);

        var before = await MemoryAsync(http);
        var watching = await ConnectAsync(plan, "/hubs/meeting", Enumerable.Repeat<string?>(null, watchers).ToArray());
        await Task.WhenAll(watching.Select(w => w.InvokeAsync<JsonElement>("Join", plan.CouncilId, plan.MeetingId)));
        var withWatchers = await MemoryAsync(http);
        Console.WriteLine($"memory: {watchers} idle signed-out watchers (joined) cost {PerConnection(before, withWatchers, watchers)} on the server");

        var members = await ConnectAsync(plan, "/hubs/meeting", plan.VoterCookies);
        await Task.WhenAll(members.Select(m => m.InvokeAsync<JsonElement>("Join", plan.CouncilId, plan.MeetingId)));
        var withMembers = await MemoryAsync(http);
        Console.WriteLine($"memory: {voters} idle signed-in members (joined) cost {PerConnection(withWatchers, withMembers, voters)} on the server");

        var real = new List<Figures>();
        for (var shape = 0; shape < 2; shape++)
            real.Add(await BallotAsync(folder, http, plan, plan.Items[shape], members, watching, shape == 1));
        await Task.WhenAll(members.Concat(watching).Select(c => c.DisposeAsync().AsTask()));

        var bare = await ConnectAsync(plan, "/bench/bare", plan.VoterCookies);
        var yardstick = new List<Figures>();
        for (var shape = 0; shape < 2; shape++)
            yardstick.Add(await VoteAsync($"bare hub, {(shape == 1 ? "spread over 5 s" : "all at once")}", bare, shape == 1,
                (c, i) => c.InvokeAsync<string>("CastVote", plan.CouncilId, $"bare-{shape}", new { choice = "For", clientVoteId = $"bare-{shape}-{i}" })));
        await Task.WhenAll(bare.Select(c => c.DisposeAsync().AsTask()));

        for (var shape = 0; shape < 2; shape++)
            Console.WriteLine($"against the bare hub, {(shape == 1 ? "spread over 5 s" : "all at once")}: throughput " +
                $"{real[shape].PerSecond / yardstick[shape].PerSecond:P0} of the bare hub's, p99 {real[shape].P99 / yardstick[shape].P99:F1}× its p99");
        await File.WriteAllTextAsync(Path.Combine(folder, "done"), "");
    }

    /// <summary>Every member checks in at once, and resends (as the member page does) after a 503 until it is in.</summary>
    private static async Task CheckInAsync(HttpClient http, StormPlan plan)
    {
        var firstAnswers = new ConcurrentDictionary<int, int>();
        var resends = 0;
        var start = Stopwatch.StartNew();
        await Task.WhenAll(plan.VoterCookies.Select(async (cookie, i) =>
        {
            await Task.Yield();
            for (var attempt = 0; ; attempt++)
            {
                // JSON, as the app's own pages send it: a cookie request without it is refused as cross-site.
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/councils/{plan.CouncilId}/meetings/{plan.MeetingId}/check-in")
                {
                    Content = JsonContent.Create(new { }),
                };
                request.Headers.Add("Cookie", cookie);
                request.Headers.Add("Idempotency-Key", $"check-in-{i}");
                using var response = await http.SendAsync(request);
                if (attempt == 0) firstAnswers.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode != 503 || attempt == 20) return;
                Interlocked.Increment(ref resends);
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(100));
            }
        }));
        Console.WriteLine($"self check-in: {plan.VoterCookies.Length} members over HTTP, all at once, resending after a 503: all answered in " +
            $"{start.Elapsed.TotalSeconds:F2} s; first answers {string.Join(", ", firstAnswers.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))}, " +
            $"{resends} resends");
    }

    private static async Task<HubConnection[]> ConnectAsync(StormPlan plan, string path, string?[] cookies)
    {
        var connections = cookies.Select(cookie => new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(plan.Address), path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (cookie is not null) options.Headers["Cookie"] = cookie;
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build()).ToArray();
        // In waves, as people walk in: a connect storm is not what is measured here.
        foreach (var wave in connections.Chunk(200)) await Task.WhenAll(wave.Select(c => c.StartAsync()));
        return connections;
    }

    /// <summary>With BENCH_PAUSE=1, waits until the file it names is removed: time to take the server's heap apart.</summary>
    private static async Task PauseAsync(string folder, string name)
    {
        if (Environment.GetEnvironmentVariable("BENCH_PAUSE") != "1") return;
        var path = Path.Combine(folder, "pause-" + name);
        await File.WriteAllTextAsync(path, "");
        Console.WriteLine($"paused: remove {path} to go on");
        while (File.Exists(path)) await Task.Delay(200);
    }

    private static async Task<Figures> BallotAsync(string folder, HttpClient http, StormPlan plan, string itemId, HubConnection[] members,
        HubConnection[] watching, bool spread)
    {
        await PostAsync(http, plan, $"meetings/{plan.MeetingId}/take-up", new { itemId });
        // As in the hall, a member votes once their phone shows the ballot: the votes start when the opening has
        // reached every member's connection (a vote sent before would be one nobody could have cast).
        var opening = Stopwatch.StartNew();
        var shownOpen = members.Select(m => OpenedAsync(m, itemId)).ToArray();
        var opened = await PostAsync(http, plan, $"meetings/{plan.MeetingId}/ballots", new { itemId });
        var ballotId = opened.GetProperty("id").GetString()!;
        await Task.WhenAll(shownOpen).WaitAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"  the opening reached all {members.Length} members {opening.Elapsed.TotalMilliseconds:F0} ms after it was sent");
        var closing = new Stopwatch();
        var closingBytes = 0;
        var results = watching.Select(w => ClosedAsync(w, ballotId)).ToArray();

        var recorded = 0;
        var shape = spread ? "spread over 5 s" : "all at once";
        await PauseAsync(folder, $"before-{shape.Replace(' ', '-')}");
        var collections = await http.GetFromJsonAsync<ServerCollections>("/bench/gc", Json);
        var figures = await VoteAsync($"meeting hub, {shape}", members, spread, async (c, i) =>
        {
            var receipt = await c.InvokeAsync<JsonElement>("CastVote", plan.CouncilId, ballotId,
                new { choice = i % 2 == 0 ? "For" : "Against", clientVoteId = $"storm-{ballotId}-{i}" });
            if (receipt.GetProperty("recorded").GetBoolean()) Interlocked.Increment(ref recorded);
        });

        var collected = await http.GetFromJsonAsync<ServerCollections>("/bench/gc", Json);
        Console.WriteLine($"  the server's garbage collections while the votes came: {collected!.Gen0 - collections!.Gen0} gen0, " +
            $"{collected.Gen1 - collections.Gen1} gen1, {collected.Gen2 - collections.Gen2} gen2, paused {collected.PausedMs - collections.PausedMs:F0} ms in all; " +
            $"{(collected.Allocated - collections.Allocated) / members.Length / 1024.0:F1} KiB allocated per vote");
        foreach (var line in collected.Collections) Console.WriteLine($"    {line}");
        await PauseAsync(folder, $"after-{shape.Replace(' ', '-')}");
        closing.Start();
        var closed = await PostAsync(http, plan, $"ballots/{ballotId}/close", null);
        var seen = await Task.WhenAll(results);
        var shown = seen.OfType<TimeSpan>().DefaultIfEmpty(TimeSpan.Zero).ToArray();
        var stored = await http.GetFromJsonAsync<StoredVotes>($"/bench/stored/{ballotId}", Json);
        var result = closed.GetProperty("result");
        var counted = result.GetProperty("forMembers").GetInt32() + result.GetProperty("againstMembers").GetInt32();
        Console.WriteLine($"  closing to the result on the last of {watching.Length} watchers: {shown.Max().TotalMilliseconds:F0} ms " +
            $"after the close was sent (the closing push: {closingBytes:N0} bytes of JSON to each of {watching.Length + members.Length} connections) ({seen.Count(t => t is null)} watchers without it after 60 s); acknowledged {figures.Acknowledged}, recorded {recorded}, stored {stored!.Events} " +
            $"({stored.DistinctVoters} distinct voters), counted {counted}: lost {Math.Max(0, figures.Acknowledged - stored.DistinctVoters)}, " +
            $"duplicated {stored.Events - stored.DistinctVoters}");
        return figures;

        static Task OpenedAsync(HubConnection member, string item)
        {
            var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            IDisposable? subscription = null;
            subscription = member.On<JsonElement>("BallotChanged", ballot =>
            {
                if (ballot.GetProperty("itemId").GetString() != item || ballot.GetProperty("status").GetString() != "Open") return;
                shown.TrySetResult();
                subscription?.Dispose();
            });
            return shown.Task;
        }

        // When the watcher saw the count, on the closing's stopwatch; null if it never did (its connection lost).
        async Task<TimeSpan?> ClosedAsync(HubConnection watcher, string id)
        {
            var shownAt = new TaskCompletionSource<TimeSpan?>(TaskCreationOptions.RunContinuationsAsynchronously);
            IDisposable? subscription = null;
            subscription = watcher.On<JsonElement>("BallotChanged", ballot =>
            {
                if (ballot.GetProperty("id").GetString() != id || ballot.GetProperty("status").GetString() != "Closed") return;
                shownAt.TrySetResult(closing.Elapsed);
                Volatile.Write(ref closingBytes, ballot.GetRawText().Length);
                subscription?.Dispose();
            });
            watcher.Closed += _ => Task.FromResult(shownAt.TrySetResult(null));
            try { return await shownAt.Task.WaitAsync(TimeSpan.FromSeconds(60)); }
            catch (TimeoutException) { return null; }
        }
    }

    private static async Task<Figures> VoteAsync(string what, HubConnection[] connections, bool spread, Func<HubConnection, int, Task> vote)
    {
        var count = connections.Length;
        var latencies = new double[count];
        var sentAt = new long[count];
        var failures = new ConcurrentDictionary<string, int>();
        var acknowledged = 0;
        var (paused, gen0, gen1, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var start = Stopwatch.GetTimestamp();
        VoteShapes.Schedule schedule = spread ? VoteShapes.SpreadEvenly : VoteShapes.AllAtOnce;
        await schedule(count, async i =>
        {
            await Task.Yield();
            var sent = sentAt[i] = Stopwatch.GetTimestamp();
            try
            {
                await vote(connections[i], i);
                Interlocked.Increment(ref acknowledged);
            }
            catch (Exception e) { failures.AddOrUpdate(Reason(e), 1, (_, n) => n + 1); }
            latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        });
        var wall = Stopwatch.GetElapsedTime(start);
        var slowest = Enumerable.Range(0, count).OrderByDescending(i => latencies[i]).Take(Math.Max(1, count / 100))
            .Select(i => Stopwatch.GetElapsedTime(start, sentAt[i]).TotalMilliseconds).Order().ToArray();
        Array.Sort(latencies);
        var figures = new Figures(acknowledged, acknowledged / wall.TotalSeconds, latencies[count / 2], latencies[(int)(count * 0.99)], latencies[^1]);
        Console.WriteLine($"{count} votes, {what}: {wall.TotalSeconds:F2} s, {figures.PerSecond:F0} votes/s, acknowledged {acknowledged}, " +
            $"ack p50 {figures.P50:F0} ms, p99 {figures.P99:F0} ms, max {figures.Max:F0} ms; the slowest 1 % sent " +
            $"{slowest[0]:F0}-{slowest[^1]:F0} ms into it (median {slowest[slowest.Length / 2]:F0} ms)" +
            (failures.IsEmpty ? "" : $"; failed: {string.Join(", ", failures.Select(f => $"{f.Key} × {f.Value}"))}") +
            $"; the client's own collections meanwhile: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2, " +
            $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
        return figures;
    }

    // SignalR tells the client "An unexpected error occurred invoking 'X' on the server. HubException: <why>".
    private static string Reason(Exception e) =>
        e is Microsoft.AspNetCore.SignalR.HubException && e.Message.LastIndexOf("HubException: ", StringComparison.Ordinal) is var at and >= 0
            ? e.Message[(at + 14)..][..Math.Min(60, e.Message.Length - at - 14)]
            : e.GetType().Name;

    private static async Task<JsonElement> PostAsync(HttpClient http, StormPlan plan, string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/councils/{plan.CouncilId}/{path}") { Content = JsonContent.Create(body) };
        request.Headers.Add("Cookie", plan.ChairCookie);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<ServerMemory> MemoryAsync(HttpClient http) => (await http.GetFromJsonAsync<ServerMemory>("/bench/memory", Json))!;

    private static string PerConnection(ServerMemory before, ServerMemory after, int connections) =>
        $"{(after.ManagedBytes - before.ManagedBytes) / 1024.0 / connections:F1} KiB each on the managed heap, " +
        $"{(after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / connections:F1} KiB each in working set";

    private sealed record Figures(int Acknowledged, double PerSecond, double P50, double P99, double Max);
}
