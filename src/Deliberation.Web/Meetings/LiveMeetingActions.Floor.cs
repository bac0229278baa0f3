using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Meetings;

/// <summary>The live screens' handlers for the floor and for agenda control; each an entry point with its access rule.</summary>
public sealed partial class LiveMeetingActions
{
    [Access(Audience.Council, CouncilRole.Member)]
    public async Task RequestFloorAsync(string councilId, string meetingId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new RequestFloor(), by);
    }

    [Access(Audience.Council, CouncilRole.Member)]
    public async Task WithdrawFloorRequestAsync(string councilId, string meetingId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new WithdrawFloorRequest(), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task AddSpeakerAsync(string councilId, string meetingId, string userId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new RequestFloor(userId), by);
    }

    /// <summary>The chair takes someone off the list (a member withdraws their own with <see cref="WithdrawFloorRequestAsync"/>).</summary>
    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task RemoveSpeakerAsync(string councilId, string meetingId, string userId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new WithdrawFloorRequest(userId), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task GiveFloorAsync(string councilId, string meetingId, string userId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new GiveFloor(userId), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task EndSpeechAsync(string councilId, string meetingId, string userId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new EndSpeech(userId), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task CloseSpeakersListAsync(string councilId, string meetingId)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new CloseSpeakersList(), by);
    }

    /// <summary>Sends the agenda as the console showed it with one item moved, so a resend lands on the same order.</summary>
    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task ReorderAgendaAsync(string councilId, string meetingId, IReadOnlyList<string> agenda)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new ReorderAgenda(agenda), by);
    }

    /// <param name="startsAt">As the date-time field gives it: the council's local time, without a zone.</param>
    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task RescheduleAsync(string councilId, string meetingId, string startsAt, string place, string? reason)
    {
        var by = await ActorAsync(councilId);
        var zone = (await grains.GetGrain<ICouncilGrain>(councilId).GetAsync())?.TimeZoneId ?? Domain.CouncilTime.DefaultZoneId;
        await Meeting(meetingId).ActAsync(councilId, new RescheduleMeeting(MeetingTimes.ParseLocal(startsAt, zone), place, reason), by);
    }

    [Access(Audience.Council, CouncilRole.Chair, CouncilRole.Clerk)]
    public async Task CancelMeetingAsync(string councilId, string meetingId, string reason)
    {
        var by = await ActorAsync(councilId);
        await Meeting(meetingId).ActAsync(councilId, new CancelMeeting(reason), by);
    }
}
