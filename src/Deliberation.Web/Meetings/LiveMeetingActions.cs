using Deliberation.Web.Errors;
using System.Reflection;
using System.Runtime.CompilerServices;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Web.Accounts;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Orleans;

namespace Deliberation.Web.Meetings;

/// <summary>
/// What the live screens' event handlers do. Each handler is an entry point like an endpoint or a hub method: it carries
/// an access rule, checked by <see cref="AccessCheck"/> (the hub's check) for the circuit's user before it runs, and
/// the grains then check the finer rule as they do for the endpoints. The authorization matrix calls every method here.
/// </summary>
public sealed partial class LiveMeetingActions(IGrainFactory grains, CouncilActorCache actors, AuthenticationStateProvider authentication)
{
    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task OpenMeetingAsync(string councilId, string meetingId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new OpenMeeting(), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task RecordAttendanceAsync(string councilId, string meetingId, string userId, Attendance attendance, string? proxyFor)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new RecordAttendance(userId, attendance, proxyFor), by);
    }

    /// <summary>"All present": everyone on the roll not recorded yet; the exceptions are marked afterwards.</summary>
    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task MarkAllPresentAsync(string councilId, string meetingId)
    {
        var by = await ActorAsync(councilId);
        var meeting = Meeting(meetingId);
        var view = await meeting.GetAsync(councilId) ?? throw new NotFound(WebRefusals.NoSuchMeeting);
        var roll = (await grains.GetGrain<ICouncilGrain>(councilId).GetRoleHoldersAsync())
            .Where(h => h.Role == CouncilRole.Member && h.Body == view.BodyId).Select(h => h.UserId).Distinct();
        foreach (var userId in roll.Where(id => view.Attendance.All(a => a.UserId != id)))
            await meeting.ActAsync(councilId, new RecordAttendance(userId, Attendance.Present, null), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task TakeUpAsync(string councilId, string meetingId, string itemId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new TakeUpItem(itemId), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task OpenBallotAsync(string councilId, string meetingId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).OpenBallotAsync(councilId, new OpenBallot(null), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task<BallotView> CloseBallotAsync(string councilId, string ballotId)
    {
        var by = await ActorAsync(councilId);
        return await Ballot(ballotId).CloseAsync(councilId, by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task CloseMeetingAsync(string councilId, string meetingId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new CloseMeeting(), by);
    }

    [Access(Audience.Council, CouncilRole.Member)]
    public async Task CheckInAsync(string councilId, string meetingId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).CheckInAsync(councilId, by);
    }

    /// <summary>Answers once the vote is durable; a resend with the same client vote id is acknowledged, not counted again.</summary>
    [Access(Audience.Council, CouncilRole.Member)]
    public async Task<VoteReceipt> CastVoteAsync(string councilId, string ballotId, CastVote vote)
    {
        var by = await ActorAsync(councilId);
        return await Ballot(ballotId).CastAsync(councilId, vote, by).Acknowledged("circuit");
    }

    /// <summary>The circuit's user as the calling method's rule admits them, or <see cref="AccessRefused"/>.</summary>
    private async Task<Actor> ActorAsync(string councilId, [CallerMemberName] string method = "")
    {
        var rule = typeof(LiveMeetingActions).GetMethod(method)?.GetCustomAttribute<AccessAttribute>()
            ?? throw new AccessRefused(WebRefusals.NoAccessRule);
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return await AccessCheck.ActorAsync(rule, user, Identifiers.IsValid(councilId) ? councilId : null, actors)
            ?? throw new AccessRefused(WebRefusals.NoRoleHere);
    }

    private IMeetingGrain Meeting(string meetingId) => grains.GetGrain<IMeetingGrain>(Identifiers.Require(meetingId, "meeting"));

    private IBallotGrain Ballot(string ballotId) => grains.GetGrain<IBallotGrain>(Identifiers.Require(ballotId, "ballot"));
}
