using Deliberation.Web.Grains;
using System.Diagnostics;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;
using Deliberation.Web.Process;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Deliberation.Bench.Shared;

namespace Deliberation.Bench.Votes;

/// <summary>
/// The live vote path through the app's own grains (council, items, meeting, ballot) over the event log, without HTTP.
/// One council, one body (simple majority) of N members all present, two items at their vote; for each item a ballot
/// takes N votes, either all at once or spread evenly over 5 s, and is then closed. Prints figures; asserts nothing.
/// Usage: Deliberation.Bench.Votes &lt;sqlite|postgres&gt; &lt;connection string&gt; [voters=5000]
/// </summary>
public static class VotesBench
{
    private const string CouncilId = BenchCouncil.CouncilId;

    public static async Task Main(string[] args)
    {
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var connection = args.ElementAtOrDefault(1) ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"votes-{Guid.NewGuid():n}.db")}";
        var count = int.TryParse(args.ElementAtOrDefault(2), out var n) ? n : 5000;

        // The app's grains on the app's silo, without the web server.
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(TimeProvider.System);
        var storage = new StorageOptions { Provider = provider, ConnectionString = connection };
        builder.Services.AddSingleton(storage); // the silo keeps its reminders in the same database
        builder.Services.AddSingleton(sp => EventLogFactory.Create(storage.ForEventLog(), sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddFeatureServices(builder.Configuration);
        builder.UseDeliberationSilo();
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var log = host.Services.GetRequiredService<IEventLog>();

        Console.WriteLine($"live voting through the grains: {provider}, {count} voters, {Environment.ProcessorCount} cores");
        var setup = Stopwatch.StartNew();
        var voterIds = Enumerable.Range(1, count).Select(i => $"voter-{i:D5}").ToArray();
        var (chair, items, granting, attending) = await BenchCouncil.SetUpAsync(grains, voterIds, items: 2);
        var voters = voterIds.Select(id => new Actor(id, [new RoleGrant(CouncilRole.Member, BenchCouncil.Body, 1)])).ToArray();
        Console.WriteLine($"setup (not measured below): {setup.Elapsed.TotalSeconds:F1} s, of which " +
            $"granting {count} members {granting.TotalSeconds:F1} s and recording {count} attendances {attending.TotalSeconds:F1} s");

        var meeting = grains.GetGrain<IMeetingGrain>(BenchCouncil.MeetingId);
        await RunAsync("all at once", items[0], meeting, chair, voters, grains, log, VoteShapes.AllAtOnce);
        await RunAsync($"spread over {VoteShapes.Spread.TotalSeconds:F0} s", items[1], meeting, chair, voters, grains, log, VoteShapes.SpreadEvenly);
        await host.StopAsync();
    }

    private static async Task RunAsync(string shape, string itemId, IMeetingGrain meeting, Actor chair, Actor[] voters,
        IGrainFactory grains, IEventLog log, VoteShapes.Schedule schedule)
    {
        var count = voters.Length;
        await meeting.ActAsync(CouncilId, new TakeUpItem(itemId), chair);
        var opened = await meeting.OpenBallotAsync(CouncilId, new OpenBallot(itemId), chair);
        if (opened.EligibleVoters != count) throw new InvalidOperationException($"{opened.EligibleVoters} eligible voters, not {count}.");
        var ballot = grains.GetGrain<IBallotGrain>(opened.Id);

        var latencies = new double[count];
        var receipts = new VoteReceipt[count];
        var lastAck = 0L;
        var start = Stopwatch.GetTimestamp();
        await schedule(count, async i =>
        {
            await Task.Yield(); // every call starts on its own, not inline in the dispatcher
            var sent = Stopwatch.GetTimestamp();
            receipts[i] = await ballot.CastAsync(CouncilId,
                new CastVote(i % 2 == 0 ? VoteChoice.For : VoteChoice.Against, $"bench-{opened.Id}-{i}", null), voters[i]);
            var acked = Stopwatch.GetTimestamp();
            latencies[i] = Stopwatch.GetElapsedTime(sent, acked).TotalMilliseconds;
            long seen;
            do seen = Interlocked.Read(ref lastAck); while (acked > seen && Interlocked.CompareExchange(ref lastAck, acked, seen) != seen);
        });
        var wall = Stopwatch.GetElapsedTime(start, lastAck);
        var closed = await ballot.CloseAsync(CouncilId, chair);
        var toCount = Stopwatch.GetElapsedTime(lastAck);

        Array.Sort(latencies);
        Console.WriteLine($"{count} votes, {shape}: {wall.TotalSeconds:F2} s to the last acknowledgement, {count / wall.TotalSeconds:F0} votes/s, " +
            $"acknowledged p50 {latencies[count / 2]:F0} ms, p99 {latencies[(int)(count * 0.99)]:F0} ms, max {latencies[^1]:F0} ms; " +
            $"last acknowledgement to closed count {toCount.TotalMilliseconds:F0} ms");

        var stream = await log.ReadStreamAsync($"ballot-{opened.Id}");
        var cast = stream.Where(e => e.EventType == nameof(VoteCast)).ToList();
        var distinctVoters = cast.Select(e => System.Text.Json.JsonSerializer.Deserialize<VoteCast>(e.Payload, EventJson.Options)!.VoterId)
            .Distinct(StringComparer.Ordinal).Count();
        var r = closed.Result!;
        Console.WriteLine($"  check: receipts recorded {receipts.Count(x => x.Recorded)}/{count}; " +
            $"closed tally for {r.ForMembers} + against {r.AgainstMembers} = {r.ForMembers + r.AgainstMembers} (expected {count}); " +
            $"stream holds {cast.Count} VoteCast events for {distinctVoters} distinct voters (expected {count}); " +
            $"passes {r.Passes}, count recorded on the item {closed.RecordedOnItem} => " +
            (r.ForMembers + r.AgainstMembers == count && cast.Count == count && distinctVoters == count ? "none lost or doubled" : "MISMATCH"));
    }
}
