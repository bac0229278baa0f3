using System.Diagnostics;
using System.Text.Json;
using Deliberation.Bench.Shared;
using Deliberation.Domain.Ballots;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Deliberation.Bench.Hub;

/// <summary>
/// The served side: the real app (AddDeliberation/UseDeliberation) on Kestrel, its bench council seeded through the
/// grains (members on the roll, not yet present), and beside it a bare hub that only acknowledges, plus two bench-only
/// reads: the server's memory and what a ballot's stream holds. Writes what the storm needs to <c>setup.json</c>.
/// </summary>
public static class Server
{
    public static async Task RunAsync(string folder, string provider, string connection, int voters)
    {
        var builder = BenchApp.Builder(provider, connection);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        builder.AddDeliberation();
        await using var app = builder.Build();
        app.UseDeliberation();
        app.MapHub<BareHub>("/bench/bare").Access(Audience.Public);
        app.MapGet("/bench/memory", () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            return Results.Ok(new ServerMemory(GC.GetTotalMemory(forceFullCollection: true), Process.GetCurrentProcess().WorkingSet64));
        }).Access(Audience.Public);
        // Garbage collection so far: what a storm's pauses were, read before and after it.
        var watch = new CollectionWatch();
        app.MapGet("/bench/gc", () => Results.Ok(new ServerCollections(GC.GetTotalPauseDuration().TotalMilliseconds,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(), watch.Take()))).Access(Audience.Public);
        app.MapGet("/bench/stored/{ballotId}", async (string ballotId, IEventLog log) =>
        {
            var cast = (await log.ReadStreamAsync($"ballot-{ballotId}")).Where(e => e.EventType == nameof(VoteCast))
                .Select(e => JsonSerializer.Deserialize<VoteCast>(e.Payload, EventJson.Options)!.VoterId).ToList();
            return Results.Ok(new StoredVotes(cast.Count, cast.Distinct(StringComparer.Ordinal).Count()));
        }).Access(Audience.Public);
        await app.StartAsync();

        var voterIds = Enumerable.Range(1, voters).Select(i => $"voter-{i:D5}").ToArray();
        var setup = Stopwatch.StartNew();
        await BenchSessions.CreateAccountsAsync(app.Services, [BenchCouncil.ChairId, .. voterIds]);
        var cookies = await BenchSessions.CookiesAsync(app.Services, [BenchCouncil.ChairId, .. voterIds]);
        var council = await BenchCouncil.SetUpAsync(app.Services.GetRequiredService<IGrainFactory>(), voterIds, items: 4, recordAttendance: false);
        var plan = new StormPlan(app.Urls.Single(), BenchCouncil.CouncilId, BenchCouncil.MeetingId, council.Items, cookies[0], voterIds, cookies[1..]);
        await File.WriteAllTextAsync(Path.Combine(folder, "setup.json.tmp"), JsonSerializer.Serialize(plan));
        File.Move(Path.Combine(folder, "setup.json.tmp"), Path.Combine(folder, "setup.json"));
        Console.WriteLine($"server: {provider}, {voters} members on the roll, set up in {setup.Elapsed.TotalSeconds:F1} s at {plan.Address}");

        // Serves until the storm has written its figures (or the script stops it).
        while (!File.Exists(Path.Combine(folder, "done"))) await Task.Delay(200);
        await app.StopAsync();
    }
}

/// <summary>A hub that only acknowledges: what SignalR itself costs on this machine, the yardstick for the real one.</summary>
public sealed class BareHub : Microsoft.AspNetCore.SignalR.Hub
{
    public Task<string> CastVote(string councilId, string ballotId, JsonElement vote) => Task.FromResult(ballotId);
}

public sealed record ServerMemory(long ManagedBytes, long WorkingSetBytes);

public sealed record ServerCollections(double PausedMs, int Gen0, int Gen1, int Gen2, long Allocated, IReadOnlyList<string> Collections);

public sealed record StoredVotes(int Events, int DistinctVoters);

public sealed record StormPlan(string Address, string CouncilId, string MeetingId, string[] Items, string ChairCookie,
    string[] VoterIds, string[] VoterCookies);
