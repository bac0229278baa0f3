using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Ballots;
using Deliberation.Web.Errors;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Web.Meetings;

/// <summary>
/// The live meeting (<c>/hubs/meeting</c>): screens join a meeting to receive its pushes, and members cast votes.
/// Each method carries an access rule, enforced by <see cref="HubAccess"/> as the gate does for endpoints; its refusals
/// are declared ones, so that <see cref="HubAccess"/> says them in the connection's language.
/// </summary>
public sealed class MeetingHub(IGrainFactory grains) : Hub<IMeetingClient>
{
    /// <summary>
    /// The meeting as this caller may see it, as a push carries it (the counts, not the roll; ballots without who voted
    /// what), and its pushes from then on. What every screen shows costs every screen the same whatever the size of the
    /// hall; the few screens that list members ask <see cref="GetAttendance"/> once after joining. Joins the groups
    /// before reading, so that no change falls between the two.
    /// </summary>
    [Access(Audience.Public)]
    public async Task<MeetingLive> Join(string councilId, string meetingId)
    {
        var grain = grains.GetGrain<IMeetingGrain>(Identifiers.Require(meetingId, "meeting"));
        var actor = HubAccess.ActorOf(Context);
        await Groups.AddToGroupAsync(Context.ConnectionId, MeetingGroups.Everyone(councilId, meetingId));
        var insider = MeetingDisclosure.SeesEverything(actor);
        await Groups.AddToGroupAsync(Context.ConnectionId,
            insider ? MeetingGroups.Insiders(councilId, meetingId) : MeetingGroups.Outsiders(councilId, meetingId));
        if (MeetingGroups.ShowsTurnout(actor))
        {
            var shard = MeetingGroups.ShardOf(Context.ConnectionId);
            await Groups.AddToGroupAsync(Context.ConnectionId, insider
                ? MeetingGroups.InsidersShowingTurnout(councilId, meetingId, shard) : MeetingGroups.OutsidersShowingTurnout(councilId, meetingId, shard));
        }
        if (await grain.GetAsync(councilId) is not { } meeting)
        {
            await Leave(councilId, meetingId);
            throw new NotFound(WebRefusals.NoSuchMeeting);
        }
        var ballots = await BallotCatalogue.ForMeetingAsync(grains, councilId, meeting.Ballots, actor);
        return new MeetingLive(MeetingPush.Pushed(await MeetingDisclosure.ForViewerAsync(meeting, grains, actor), NoChanges),
            ballots.Select(MeetingPush.Pushed).ToList());
    }

    /// <summary>
    /// Everyone recorded in the meeting's attendance, for a screen that lists them: asked after <see cref="Join"/>, it
    /// is at least as new as the pushes before it; the <c>AttendanceChanges</c> of the pushes after it are merged in.
    /// </summary>
    [Access(Audience.Public)]
    public async Task<IReadOnlyList<AttendanceView>> GetAttendance(string councilId, string meetingId) =>
        (await grains.GetGrain<IMeetingGrain>(Identifiers.Require(meetingId, "meeting")).GetAsync(councilId))?.Attendance
            ?? throw new NotFound(WebRefusals.NoSuchMeeting);

    private static readonly IReadOnlySet<string> NoChanges = new HashSet<string>();

    [Access(Audience.Public)]
    public async Task Leave(string councilId, string meetingId)
    {
        foreach (var group in MeetingGroups.All(councilId, meetingId, Context.ConnectionId)) await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    /// <summary>The ballot as this caller sees it, with the votes they may still cast.</summary>
    [Access(Audience.Public)]
    public async Task<BallotView> GetBallot(string councilId, string ballotId) =>
        await grains.GetGrain<IBallotGrain>(Identifiers.Require(ballotId, "ballot")).GetAsync(councilId, HubAccess.ActorOf(Context))
            ?? throw new NotFound(WebRefusals.BallotNotDisclosed);

    /// <summary>Answers only once the vote is durable; a resend with the same client vote id is acknowledged, not counted again.</summary>
    [Access(Audience.Council, CouncilRole.Member)]
    public Task<VoteReceipt> CastVote(string councilId, string ballotId, CastVote vote) =>
        grains.GetGrain<IBallotGrain>(Identifiers.Require(ballotId, "ballot")).CastAsync(councilId, vote, HubAccess.ActorOf(Context)!).Acknowledged("hub");

    /// <summary>The caller asks for the floor on the item under discussion (safe to resend: once on the list, they stay once).</summary>
    [Access(Audience.Council, CouncilRole.Member)]
    public Task<MeetingView> RequestFloor(string councilId, string meetingId) => Act(councilId, meetingId, new RequestFloor());

    [Access(Audience.Council, CouncilRole.Member)]
    public Task<MeetingView> WithdrawFloorRequest(string councilId, string meetingId) => Act(councilId, meetingId, new WithdrawFloorRequest());

    /// <summary>The chair puts a member on the list of speakers.</summary>
    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public Task<MeetingView> AddSpeaker(string councilId, string meetingId, string memberId) => Act(councilId, meetingId, new RequestFloor(memberId));

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public Task<MeetingView> GiveFloor(string councilId, string meetingId, string memberId) => Act(councilId, meetingId, new GiveFloor(memberId));

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public Task<MeetingView> EndSpeech(string councilId, string meetingId, string memberId) => Act(councilId, meetingId, new EndSpeech(memberId));

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public Task<MeetingView> CloseSpeakersList(string councilId, string meetingId) => Act(councilId, meetingId, new CloseSpeakersList());

    private Task<MeetingView> Act(string councilId, string meetingId, MeetingCommand command) =>
        grains.GetGrain<IMeetingGrain>(Identifiers.Require(meetingId, "meeting")).ActAsync(councilId, command, HubAccess.ActorOf(Context)!);

    /// <summary>A page of another site must not drive a signed-in member's connection (cross-site WebSocket hijacking).</summary>
    public override Task OnConnectedAsync()
    {
        var request = Context.GetHttpContext()?.Request;
        var origin = request?.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin) && request is not null
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
            Context.Abort();
        return base.OnConnectedAsync();
    }
}
