using System.Diagnostics;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Orleans;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Councils;
using Deliberation.Web.Meetings;
using Deliberation.Web.Process;

namespace Deliberation.Bench.Shared;

/// <summary>
/// The council the vote benches vote in, set up through the app's own grains (not measured): one body (simple majority)
/// of the given members, a chair, items each taken to that body's resolution vote (so closing a ballot records its count
/// on the item), and an open meeting with every member present.
/// </summary>
public static class BenchCouncil
{
    public const string CouncilId = "bench";
    public const string Body = "resident-representatives"; // the deciding body of the template's resolution step
    public const string Template = "sanyi-yishen-liang-gongkai";
    public const string MeetingId = "meeting-bench";
    public const string ChairId = "bench-chair";

    public sealed record Setup(Actor Chair, string[] Items, TimeSpan Granting, TimeSpan Attending);

    /// <param name="recordAttendance">Whether the chair records every member present (false: they check in themselves).</param>
    public static async Task<Setup> SetUpAsync(IGrainFactory grains, IReadOnlyList<string> voterIds, int items, bool recordAttendance = true)
    {
        await BuiltInTemplates.PublishMissingAsync(grains);
        var council = grains.GetGrain<ICouncilGrain>(CouncilId);
        await council.FoundAsync(new FoundCouncil(CouncilId, "基准村议事会", "Benchmark Village Council", "议事厅 Hall", Template, 7), "bench-admin");
        var founder = new Actor("bench-admin", [new RoleGrant(CouncilRole.Clerk, null, 1)]);
        await council.EstablishBodyAsync(new EstablishBody(Body, "居民代表会议", "Resident representatives' meeting", "simple-majority"), founder);
        foreach (var role in new[] { CouncilRole.Clerk, CouncilRole.Chair, CouncilRole.Resident })
            await council.GrantRoleAsync(new GrantRole(ChairId, "主持人 Chair", role, null, 1, "benchmark"), founder);
        var chair = await council.GetActorAsync(ChairId);

        var granting = Stopwatch.StartNew();
        for (var i = 0; i < voterIds.Count; i++)
            await council.GrantRoleAsync(new GrantRole(voterIds[i], $"Voter {i + 1}", CouncilRole.Member, Body, 1, "benchmark"), chair);
        granting.Stop();
        var sample = await council.GetActorAsync(voterIds[^1]);
        if (sample.Roles.Count != 1 || !sample.Holds(CouncilRole.Member, Body)) throw new InvalidOperationException("The council does not know the voters.");

        var itemIds = Enumerable.Range(0, items).Select(i => $"item-bench-{(char)('a' + i)}").ToArray();
        foreach (var id in itemIds)
        {
            var item = grains.GetGrain<IAgendaItemGrain>(id);
            await item.SubmitAsync(CouncilId, new SubmitItem($"Benchmark motion {id}", "Shall the benchmark pass?", "", "hall", null), chair);
            await item.ActAsync(CouncilId, new AcceptItem(Template, null), chair);
            await item.ActAsync(CouncilId, new RecordProposal("The benchmark passes.", ["for", "against"], "benchmark"), chair);
            await item.ActAsync(CouncilId, new CompleteStep(), chair);
            await item.ActAsync(CouncilId, new RecordConsultation(null, "No objections."), chair);
            var view = await item.ActAsync(CouncilId, new CompleteStep(), chair);
            if (view.CurrentStep?.Kind != "ResolutionVote") throw new InvalidOperationException($"Item {id} is at {view.CurrentStep?.Id}, not at its vote.");
        }

        var meeting = grains.GetGrain<IMeetingGrain>(MeetingId);
        await meeting.ScheduleAsync(CouncilId, new ScheduleMeeting(Body, "基准会议 Benchmark meeting", DateTimeOffset.UtcNow, "议事厅 Hall", itemIds), chair);
        await meeting.ActAsync(CouncilId, new OpenMeeting(), chair);
        var attending = Stopwatch.StartNew();
        if (!recordAttendance) return new Setup(chair, itemIds, granting.Elapsed, TimeSpan.Zero);
        MeetingView? last = null;
        foreach (var voter in voterIds)
            last = await meeting.ActAsync(CouncilId, new RecordAttendance(voter, Attendance.Present, null), chair);
        attending.Stop();
        if (last?.PresentMembers != voterIds.Count) throw new InvalidOperationException($"{last?.PresentMembers} present, not {voterIds.Count}.");
        return new Setup(chair, itemIds, granting.Elapsed, attending.Elapsed);
    }
}

/// <summary>How the votes go out: all at once, or vote i at i × 5 s / N (the roadmap's 5,000 voters within 5 s).</summary>
public static class VoteShapes
{
    public static readonly TimeSpan Spread = TimeSpan.FromSeconds(5);

    public delegate Task Schedule(int count, Func<int, Task> cast);

    public static Task AllAtOnce(int count, Func<int, Task> cast) => Task.WhenAll(Enumerable.Range(0, count).Select(cast));

    /// <summary>A dispatcher sends whatever is due, then sleeps about 1 ms.</summary>
    public static async Task SpreadEvenly(int count, Func<int, Task> cast)
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
}
