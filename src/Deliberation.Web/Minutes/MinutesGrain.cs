using Deliberation.Web.Errors;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Domain.Minutes;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Ballots;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;
using MinutesRecord = Deliberation.Domain.Minutes.Minutes;

namespace Deliberation.Web.Minutes;

/// <summary>
/// A meeting's minutes: the clerk's discussion, its approval and each published version, as events on the stream
/// <c>minutes-{meetingId}</c>. Publishing freezes the draft (from the meeting's record as it then stands) and the
/// discussion into the event itself, so a published version reads the same whatever happens later.
/// </summary>
public sealed class MinutesGrain(TimeProvider clock, IEventLog log, IConfiguration configuration)
    : AggregateGrain<MinutesRecord, MinutesEvent>(Category), IMinutesGrain
{
    public const string Category = "minutes";

    protected override MinutesRecord Fold(MinutesRecord? minutes, MinutesEvent e)
    {
        minutes ??= MinutesRecord.Replay([]);
        minutes.Apply(e);
        return minutes;
    }

    protected override string ScopeOf(MinutesRecord minutes) => minutes.CouncilId;

    protected override object SummaryOf(MinutesRecord minutes, DateTimeOffset at) =>
        new MinutesSummary(minutes.MeetingId, minutes.CouncilId, minutes.Status, minutes.Latest?.Number);

    /// <summary>The catalogue row, for a history written without the grain (the demo's past meeting).</summary>
    public static StreamSummary CatalogueRowOf(MinutesRecord minutes, DateTimeOffset at) =>
        CatalogueRow($"{Category}-{minutes.MeetingId}", Category, minutes.CouncilId,
            new MinutesSummary(minutes.MeetingId, minutes.CouncilId, minutes.Status, minutes.Latest?.Number), at, false, null);

    public async Task<MinutesView> ActAsync(string councilId, MinutesCommand command, Actor by)
    {
        var requestId = RequestIds.Checked(command.RequestId);
        if (Current is { } known && known.CouncilId != councilId) throw new NotFound(WebRefusals.NoSuchMeeting);
        var sources = await MeetingRecord.ReadAsync(log, GrainFactory, councilId, Key) ?? throw new NotFound(WebRefusals.NoSuchMeeting);
        var draft = MinutesDrafting.Draft(sources);
        if (Answered(by.UserId, requestId)) return View(Current!, draft, by);
        var closed = draft.Status == MeetingStatus.Closed;
        var (minutes, started) = Current is { } existing
            ? (existing, (IReadOnlyList<MinutesEvent>)[])
            : MinutesRecord.Start(Key, councilId, draft.BodyId, MinutesApprovalRules.For(configuration, draft.BodyId));
        var events = command switch
        {
            WriteDiscussion c => minutes.WriteDiscussion(by, c.Markdown ?? ""),
            ApproveMinutes { BallotId: { Length: > 0 } ballotId } => minutes.ApproveByVote(by, closed, ballotId, await PassedAtALaterMeetingAsync(draft, ballotId, by)),
            ApproveMinutes => minutes.ApproveByChair(by, closed),
            PublishMinutes c => minutes.Publish(by, clock.GetUtcNow(), draft, c.Reason),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}."),
        };
        var now = clock.GetUtcNow();
        if (Current is null) await CommitNewAsync(minutes, [.. started, .. events], by.UserId, now, requestId);
        else if (events.Count > 0) await CommitAsync(events, by.UserId, now, requestId);
        return View(minutes, draft, by);
    }

    public async Task<MinutesView?> GetAsync(string councilId, Actor? viewer)
    {
        if (Current is { } known && known.CouncilId != councilId) return null;
        if (!Insider(viewer))
            return Current is { Versions.Count: > 0 } published ? View(published, null, viewer) : null;
        var sources = await MeetingRecord.ReadAsync(log, GrainFactory, councilId, Key);
        if (sources is null) return null;
        var draft = MinutesDrafting.Draft(sources);
        return Current is { } minutes
            ? View(minutes, draft, viewer)
            : new MinutesView(Key, councilId, nameof(MinutesStatus.Drafting), MinutesApprovalRules.For(configuration, draft.BodyId).ToString(),
                draft.Status == MeetingStatus.Closed, "", draft, []);
    }

    /// <summary>The ballot approving these minutes: the same body's, at a later meeting, closed; whether it passed.</summary>
    private async Task<bool> PassedAtALaterMeetingAsync(MinutesDraft draft, string ballotId, Actor by)
    {
        var ballot = Identifiers.IsValid(ballotId) ? await GrainFactory.GetGrain<IBallotGrain>(ballotId).GetAsync(draft.CouncilId, by) : null;
        var meeting = ballot is null ? null : await GrainFactory.GetGrain<IMeetingGrain>(ballot.MeetingId).GetAsync(draft.CouncilId);
        if (ballot is null || meeting is null || ballot.BodyId != draft.BodyId || meeting.StartsAt <= draft.StartsAt)
            throw Domain.Minutes.MinutesRefusals.BallotOfBody.Invalid("ballotId");
        if (ballot.Result is not { } result) throw new MinutesRuleViolation(Domain.Minutes.MinutesRefusals.BallotStillOpen);
        return result.Passes;
    }

    private static bool Insider(Actor? viewer) => viewer is { Roles.Count: > 0 };

    private static MinutesView View(MinutesRecord minutes, MinutesDraft? draft, Actor? viewer) => new(minutes.MeetingId, minutes.CouncilId,
        minutes.Status.ToString(), minutes.Approval.ToString(), draft?.Status == MeetingStatus.Closed || minutes.Versions.Count > 0,
        Insider(viewer) ? minutes.Discussion : null, Insider(viewer) ? draft : null, minutes.Versions);
}

/// <summary>The minutes' catalogue row.</summary>
public sealed record MinutesSummary(string MeetingId, string CouncilId, MinutesStatus Status, int? LatestVersion);

/// <summary>
/// Which bodies approve their minutes by a vote at their next meeting (configuration <c>Minutes:ApprovedByVote</c>,
/// a list of body ids); every other body's chair approves them.
/// </summary>
public static class MinutesApprovalRules
{
    public static MinutesApproval For(IConfiguration configuration, string bodyId) =>
        configuration.GetSection("Minutes:ApprovedByVote").Get<string[]>()?.Contains(bodyId, StringComparer.Ordinal) == true
            ? MinutesApproval.VoteAtNextMeeting
            : MinutesApproval.Chair;
}
