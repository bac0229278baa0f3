using System.Diagnostics;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Grains;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;
using Deliberation.Web.Process;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deliberation.Bench.Votes;

/// <summary>
/// The live vote path through the app's own grains (council, items, meeting, ballot) over the event log, without HTTP.
/// One council, one body (simple majority) of N members all present, two items at their vote; for each item a ballot
/// takes N votes, either all at once or spread evenly over 5 s, and is then closed. Prints figures; asserts nothing.
/// Usage: Deliberation.Bench.Votes &lt;sqlite|postgres&gt; &lt;connection string&gt; [voters=5000]
/// </summary>
public static class VotesBench
{
    private const string CouncilId = "bench";
    private const string Body = "resident-representatives"; // the deciding body of the template's resolution step
    private const string Template = "sanyi-yishen-liang-gongkai";
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(5);

    public static async Task Main(string[] args)
    {
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var connection = args.ElementAtOrDefault(1) ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"votes-{Guid.NewGuid():n}.db")}";
        var count = int.TryParse(args.ElementAtOrDefault(2), out var n) ? n : 5000;

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(TimeProvider.System);
        services.AddSingleton(sp => EventLogFactory.Create(new EventLogOptions { Provider = provider, ConnectionString = connection },
            TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
        services.AddGrains();
        services.AddSignalR();
        services.AddCouncilGrains();
        await using var root = services.BuildServiceProvider();
        var grains = root.GetRequiredService<IGrainFactory>();
        var log = root.GetRequiredService<IEventLog>();

        Console.WriteLine($"live voting through the grains: {provider}, {count} voters, {Environment.ProcessorCount} cores");
        var setup = Stopwatch.StartNew();
        var (chair, voters, items) = await SetUpAsync(grains, count);
        Console.WriteLine($"setup (not measured below): {setup.Elapsed.TotalSeconds:F1} s, of which " +
            $"granting {count} members {_granting.TotalSeconds:F1} s and recording {count} attendances {_attending.TotalSeconds:F1} s");

        var meeting = grains.GetGrain<IMeetingGrain>("meeting-bench");
        await RunAsync("all at once", items[0], meeting, chair, voters, grains, log, AllAtOnce);
        await RunAsync($"spread over {Spread.TotalSeconds:F0} s", items[1], meeting, chair, voters, grains, log, SpreadEvenly);
    }

    private static TimeSpan _granting, _attending;

    private static async Task<(Actor Chair, Actor[] Voters, string[] Items)> SetUpAsync(IGrainFactory grains, int count)
    {
        await BuiltInTemplates.PublishMissingAsync(grains);
        var council = grains.GetGrain<ICouncilGrain>(CouncilId);
        await council.FoundAsync(new FoundCouncil(CouncilId, "基准村议事会", "Benchmark Village Council", "议事厅 Hall", Template, 7), "bench-admin");
        var founder = new Actor("bench-admin", [new RoleGrant(CouncilRole.Clerk, null, 1)]);
        await council.EstablishBodyAsync(new EstablishBody(Body, "居民代表会议", "Resident representatives' meeting", "simple-majority"), founder);
        foreach (var role in new[] { CouncilRole.Clerk, CouncilRole.Chair, CouncilRole.Resident })
            await council.GrantRoleAsync(new GrantRole("bench-chair", "主持人 Chair", role, null, 1, "benchmark"), founder);
        var chair = await council.GetActorAsync("bench-chair");

        var granting = Stopwatch.StartNew();
        var voters = new Actor[count];
        for (var i = 0; i < count; i++)
        {
            var userId = $"voter-{i + 1:D5}";
            await council.GrantRoleAsync(new GrantRole(userId, $"Voter {i + 1}", CouncilRole.Member, Body, 1, "benchmark"), chair);
            voters[i] = new Actor(userId, [new RoleGrant(CouncilRole.Member, Body, 1)]);
        }
        _granting = granting.Elapsed;
        var sample = await council.GetActorAsync(voters[^1].UserId);
        if (sample.Roles.Count != 1 || !sample.Holds(CouncilRole.Member, Body)) throw new InvalidOperationException("The council does not know the voters.");

        // Two items, each taken to the body's resolution vote, so that closing a ballot records its count on the item.
        string[] items = ["item-bench-a", "item-bench-b"];
        foreach (var id in items)
        {
            var item = grains.GetGrain<IAgendaItemGrain>(id);
            await item.SubmitAsync(CouncilId, new SubmitItem($"Benchmark motion {id}", "Shall the benchmark pass?", "bench", "hall", null), chair);
            await item.ActAsync(CouncilId, new AcceptItem(Template, null), chair);
            await item.ActAsync(CouncilId, new RecordProposal("The benchmark passes.", ["for", "against"], "benchmark"), chair);
            await item.ActAsync(CouncilId, new CompleteStep(), chair);
            await item.ActAsync(CouncilId, new RecordConsultation(null, "No objections."), chair);
            var view = await item.ActAsync(CouncilId, new CompleteStep(), chair);
            if (view.CurrentStep?.Kind != "ResolutionVote") throw new InvalidOperationException($"Item {id} is at {view.CurrentStep?.Id}, not at its vote.");
        }

        var meeting = grains.GetGrain<IMeetingGrain>("meeting-bench");
        await meeting.ScheduleAsync(CouncilId, new ScheduleMeeting(Body, "基准会议 Benchmark meeting", DateTimeOffset.UtcNow, "议事厅 Hall", items), chair);
        await meeting.ActAsync(CouncilId, new OpenMeeting(), chair);
        var attending = Stopwatch.StartNew();
        MeetingView? last = null;
        foreach (var voter in voters)
            last = await meeting.ActAsync(CouncilId, new RecordAttendance(voter.UserId, Attendance.Present, null), chair);
        _attending = attending.Elapsed;
        if (last?.PresentMembers != count) throw new InvalidOperationException($"{last?.PresentMembers} present, not {count}.");
        return (chair, voters, items);
    }

    private delegate Task Schedule(int count, Func<int, Task> cast);

    private static Task AllAtOnce(int count, Func<int, Task> cast) => Task.WhenAll(Enumerable.Range(0, count).Select(cast));

    /// <summary>Vote i goes out at i × 5 s / N after the start (a dispatcher sends whatever is due, then sleeps ~1 ms).</summary>
    private static async Task SpreadEvenly(int count, Func<int, Task> cast)
    {
        var calls = new Task[count];
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < count)
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            while (next < count && Spread * next / count <= elapsed) calls[next] = cast(next++);
            if (next < count) await Task.Delay(1);
        }
        await Task.WhenAll(calls);
    }

    private static async Task RunAsync(string shape, string itemId, IMeetingGrain meeting, Actor chair, Actor[] voters,
        IGrainFactory grains, IEventLog log, Schedule schedule)
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
