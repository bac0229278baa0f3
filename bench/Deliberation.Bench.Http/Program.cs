using Deliberation.Web.Grains;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;
using Deliberation.Web.Process;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Deliberation.Bench.Shared;

namespace Deliberation.Bench.Http;

/// <summary>
/// The live vote path through the real app: the app (AddDeliberation/UseDeliberation) hosted in this process on Kestrel
/// at 127.0.0.1, every vote an HTTP POST with its voter's own bearer token, so each goes through Kestrel, JWT validation
/// and the link to the local account (StaffAccountLink), the access gate resolving the voter's roles through the council
/// grain, the ballot grain and the event log. Setup (accounts, grants, items, roll call) goes through UserManager and the
/// grains directly and is not measured; the chair opens and closes each ballot over HTTP. For comparison the votes are
/// then repeated with session cookies (the route a villager's password sign-in ends in), minted in-process. Same
/// council, body, items and shapes as Deliberation.Bench.Votes. Client and server share the machine's cores. Prints
/// figures; asserts nothing.
/// Usage: Deliberation.Bench.Http &lt;sqlite|postgres&gt; &lt;connection string&gt; [voters=5000]
/// </summary>
public static class HttpVotesBench
{
    private const string CouncilId = BenchCouncil.CouncilId;
    private const string MeetingId = BenchCouncil.MeetingId;
    private const string Issuer = "https://login.bench.example/tenant";
    private const string Audience = "api://deliberation-bench";
    private const string ChairId = BenchCouncil.ChairId;
    private const int Connections = 256;
    private static readonly TimeSpan Spread = VoteShapes.Spread;

    public static async Task Main(string[] args)
    {
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var connection = args.ElementAtOrDefault(1) ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"votes-http-{Guid.NewGuid():n}.db")}";
        var count = int.TryParse(args.ElementAtOrDefault(2), out var n) ? n : 5000;

        using var key = RSA.Create(2048);
        var builder = BenchApp.Builder(provider, connection, new Dictionary<string, string?>
        {
            ["StaffSignIn:Authority"] = Issuer,
            ["StaffSignIn:ClientId"] = Audience,
            ["StaffSignIn:Issuer"] = Issuer,
            ["StaffSignIn:SigningKeyPem"] = key.ExportSubjectPublicKeyInfoPem(),
        });
        builder.AddDeliberation();
        await using var app = builder.Build();
        app.UseDeliberation();
        await app.StartAsync();
        var address = app.Urls.Single();

        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var log = app.Services.GetRequiredService<IEventLog>();
        Console.WriteLine($"live voting over HTTP (app in-process on Kestrel at {address}, client in the same process, " +
            $"{Connections} connections): {provider}, {count} voters, {Environment.ProcessorCount} cores");

        var setup = Stopwatch.StartNew();
        var accounts = Stopwatch.StartNew();
        var voterIds = Enumerable.Range(1, count).Select(i => $"voter-{i:D5}").ToArray();
        await BenchSessions.CreateAccountsAsync(app.Services, [ChairId, .. voterIds], Issuer);
        accounts.Stop();
        var minting = Stopwatch.StartNew();
        var tokens = new string[count];
        Parallel.For(0, count, i => tokens[i] = "Bearer " + Token(key, voterIds[i]));
        var chairToken = "Bearer " + Token(key, ChairId);
        minting.Stop();
        var cookieMinting = Stopwatch.StartNew();
        var cookies = await BenchSessions.CookiesAsync(app.Services, voterIds);
        cookieMinting.Stop();
        var (chair, items, granting, attending) = await BenchCouncil.SetUpAsync(grains, voterIds, items: 4);
        Console.WriteLine($"setup (not measured below): {setup.Elapsed.TotalSeconds:F1} s, of which {count + 1} accounts linked to " +
            $"the issuer {accounts.Elapsed.TotalSeconds:F1} s, minting {count + 1} tokens {minting.Elapsed.TotalSeconds:F1} s, " +
            $"minting {count} session cookies {cookieMinting.Elapsed.TotalSeconds:F1} s, " +
            $"granting {count} members {granting.TotalSeconds:F1} s and recording {count} attendances {attending.TotalSeconds:F1} s");

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };

        // Open the connections and take one signed-in request through the whole pipeline before anything is measured.
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => http.GetAsync("/healthz/live")));
        using (var me = new HttpRequestMessage(HttpMethod.Get, "/api/account/me"))
        {
            SignRequest(me, tokens[0]);
            var answer = await http.SendAsync(me);
            if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"A voter's token is refused: {(int)answer.StatusCode}.");
        }

        // Where the time goes, before the votes: the same N requests all at once to /healthz/live (public, no grain, no database), first
        // without a token (Kestrel and the pipeline alone), then with each voter's token (plus JWT validation and the
        // link to the local account, which reads the accounts tables, on every request).
        await ProbeAsync("GET /healthz/live without a token", http, tokens.Length, _ => null);
        await ProbeAsync("GET /healthz/live with each voter's bearer token", http, tokens.Length, i => tokens[i]);
        await ProbeAsync("GET /healthz/live with each voter's session cookie", http, tokens.Length, i => cookies[i]);

        var meeting = grains.GetGrain<IMeetingGrain>(MeetingId);
        await RunAsync("bearer tokens, all at once", items[0], meeting, chair, chairToken, voterIds, tokens, http, log, VoteShapes.AllAtOnce);
        await RunAsync($"bearer tokens, spread over {Spread.TotalSeconds:F0} s", items[1], meeting, chair, chairToken, voterIds, tokens, http, log, VoteShapes.SpreadEvenly);
        await RunAsync("session cookies, all at once", items[2], meeting, chair, chairToken, voterIds, cookies, http, log, VoteShapes.AllAtOnce);
        await RunAsync($"session cookies, spread over {Spread.TotalSeconds:F0} s", items[3], meeting, chair, chairToken, voterIds, cookies, http, log, VoteShapes.SpreadEvenly);
        await app.StopAsync();
    }


    /// <summary>A credential is either "Bearer …" (the Authorization header) or "name=value" (the Cookie header).</summary>
    private static void SignRequest(HttpRequestMessage request, string credential)
    {
        if (credential.StartsWith("Bearer ", StringComparison.Ordinal)) request.Headers.Authorization = AuthenticationHeaderValue.Parse(credential);
        else request.Headers.Add("Cookie", credential);
    }

    private static string Token(RSA key, string subject) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scp", "access_as_user")]),
        NotBefore = DateTime.UtcNow.AddMinutes(-5),
        IssuedAt = DateTime.UtcNow.AddMinutes(-5),
        Expires = DateTime.UtcNow.AddHours(2),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256),
    });

    private static async Task ProbeAsync(string what, HttpClient http, int count, Func<int, string?> token)
    {
        var latencies = new double[count];
        var statuses = new ConcurrentDictionary<int, int>();
        var machine = MachineCpu.Now();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await Task.Yield();
            var sent = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/live");
            if (token(i) is { } t) SignRequest(request, t);
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsStringAsync();
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
            latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        }));
        var wall = Stopwatch.GetElapsedTime(start);
        var busy = MachineCpu.Now().BusySince(machine);
        Array.Sort(latencies);
        Console.WriteLine($"probe, {count} × {what}, all at once: {wall.TotalSeconds:F2} s, {count / wall.TotalSeconds:F0} requests/s, " +
            $"p50 {latencies[count / 2]:F0} ms, p99 {latencies[(int)(count * 0.99)]:F0} ms; HTTP status " +
            $"{string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))}; machine CPU busy {busy:P0}");
    }

    private static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient http, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        SignRequest(request, token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return ((int)response.StatusCode, json.RootElement.Clone());
    }

    private static async Task RunAsync(string shape, string itemId, IMeetingGrain meeting, Actor chair, string chairToken,
        string[] voterIds, string[] tokens, HttpClient http, IEventLog log, VoteShapes.Schedule schedule)
    {
        var count = voterIds.Length;
        await meeting.ActAsync(CouncilId, new TakeUpItem(itemId), chair);
        var (openStatus, opened) = await PostAsync(http, $"/api/councils/{CouncilId}/meetings/{MeetingId}/ballots", chairToken, new { itemId });
        if (openStatus != 201) throw new InvalidOperationException($"Opening the ballot: {openStatus} {opened}");
        var ballotId = opened.GetProperty("id").GetString()!;
        var eligible = opened.GetProperty("eligibleVoters").GetInt32();
        if (eligible != count) throw new InvalidOperationException($"{eligible} eligible voters, not {count}.");

        var latencies = new double[count];
        var recorded = 0;
        var statuses = new ConcurrentDictionary<string, int>();
        var lastAck = 0L;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = MachineCpu.Now();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var start = Stopwatch.GetTimestamp();
        await schedule(count, async i =>
        {
            await Task.Yield(); // every call starts on its own, not inline in the dispatcher
            var sent = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                var (status, receipt) = await PostAsync(http, $"/api/councils/{CouncilId}/ballots/{ballotId}/votes", tokens[i],
                    new { choice = i % 2 == 0 ? "For" : "Against", clientVoteId = $"bench-{ballotId}-{i}" });
                outcome = status.ToString();
                if (status == 200 && receipt.GetProperty("recorded").GetBoolean()) Interlocked.Increment(ref recorded);
            }
            catch (Exception e)
            {
                outcome = e.GetType().Name;
            }
            var acked = Stopwatch.GetTimestamp();
            statuses.AddOrUpdate(outcome, 1, (_, c) => c + 1);
            latencies[i] = Stopwatch.GetElapsedTime(sent, acked).TotalMilliseconds;
            long seen;
            do seen = Interlocked.Read(ref lastAck); while (acked > seen && Interlocked.CompareExchange(ref lastAck, acked, seen) != seen);
        });
        var wall = Stopwatch.GetElapsedTime(start, lastAck);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var machineBusy = MachineCpu.Now().BusySince(machine);
        var (closeStatus, closed) = await PostAsync(http, $"/api/councils/{CouncilId}/ballots/{ballotId}/close", chairToken, null);
        var toCount = Stopwatch.GetElapsedTime(lastAck);
        if (closeStatus != 200) throw new InvalidOperationException($"Closing the ballot: {closeStatus} {closed}");

        Array.Sort(latencies);
        Console.WriteLine($"{count} votes over HTTP, {shape}: {wall.TotalSeconds:F2} s to the last acknowledgement, {count / wall.TotalSeconds:F0} votes/s, " +
            $"acknowledged p50 {latencies[count / 2]:F0} ms, p99 {latencies[(int)(count * 0.99)]:F0} ms, max {latencies[^1]:F0} ms; " +
            $"HTTP status {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))}; " +
            $"last acknowledgement to closed count {toCount.TotalMilliseconds:F0} ms (POST close, {closeStatus})");
        Console.WriteLine($"  process CPU (client and server) while voting: {cpuUsed.TotalSeconds:F2} s in {wall.TotalSeconds:F2} s " +
            $"({cpuUsed / wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores), " +
            $"{cpuUsed.TotalMilliseconds / count:F2} ms per vote; whole machine busy {machineBusy:P0}; GCs gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}");

        var stream = await log.ReadStreamAsync($"ballot-{ballotId}");
        var cast = stream.Where(e => e.EventType == nameof(VoteCast)).ToList();
        var distinctVoters = cast.Select(e => JsonSerializer.Deserialize<VoteCast>(e.Payload, EventJson.Options)!.VoterId)
            .Distinct(StringComparer.Ordinal).Count();
        var result = closed.GetProperty("result");
        var forMembers = result.GetProperty("forMembers").GetInt32();
        var againstMembers = result.GetProperty("againstMembers").GetInt32();
        using var view = await http.GetAsync($"/api/councils/{CouncilId}/ballots/{ballotId}");
        using var viewJson = JsonDocument.Parse(await view.Content.ReadAsStringAsync());
        var named = viewJson.RootElement.GetProperty("votes").GetArrayLength();
        Console.WriteLine($"  check: receipts recorded {recorded}/{count}; " +
            $"closed tally for {forMembers} + against {againstMembers} = {forMembers + againstMembers} (expected {count}); " +
            $"stream holds {cast.Count} VoteCast events for {distinctVoters} distinct voters (expected {count}); " +
            $"GET ballot lists {named} named votes; passes {result.GetProperty("passes").GetBoolean()}, " +
            $"count recorded on the item {closed.GetProperty("recordedOnItem")} => " +
            (forMembers + againstMembers == count && cast.Count == count && distinctVoters == count && recorded == count ? "none lost or doubled" : "MISMATCH"));
    }
}
