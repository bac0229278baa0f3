using Deliberation.Web.Errors;
using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Web.Meetings;

/// <summary>
/// The meeting page's forms: the chair's console and the members' vote, without script. The gate asks for a role in
/// the council; the meeting and the ballot check who may do what (chair or clerk runs it, members of the body vote).
/// </summary>
public static class MeetingFormEndpoints
{
    public static IEndpointRouteBuilder MapMeetingForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/councils/{councilId}/meetings/{meetingId}/act", async (string councilId, string meetingId,
            [FromForm] MeetingActionForm form, HttpContext http, IGrainFactory grains) =>
        {
            var page = $"/councils/{councilId}/meetings/{Identifiers.Require(meetingId, "meeting")}";
            return await FormRedirects.Attempt(page, async () =>
            {
                var by = http.Actor();
                var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
                Task Run(MeetingCommand command) => meeting.ActAsync(councilId, command, by);
                IBallotGrain Ballot() => grains.GetGrain<IBallotGrain>(Identifiers.Require(form.BallotId, "ballot"));
                async Task HandCountAsync()
                {
                    var ballot = await Ballot().GetAsync(councilId, by) ?? throw new NotFound(WebRefusals.NoSuchBallot);
                    await Ballot().CloseByHandAsync(councilId, form.ToHandCount(ballot.Options ?? []), by);
                }
                async Task RescheduleAsync() => await Run(new RescheduleMeeting(
                    MeetingTimes.ParseLocal(form.StartsAt, await ZoneAsync(grains, councilId)), form.Place ?? "", form.Reason));
                await (form.Action switch
                {
                    "open" => Run(new OpenMeeting()),
                    "attendance" => Run(new RecordAttendance(form.UserId ?? "",
                        form.Attendance ?? throw Domain.Meetings.MeetingRefusals.ChooseAttendance.Invalid(), form.ProxyFor)),
                    "check-in" => meeting.CheckInAsync(councilId, by),
                    "take-up" => Run(new TakeUpItem(form.ItemId ?? "")),
                    "close" => Run(new CloseMeeting()),
                    "open-ballot" => meeting.OpenBallotAsync(councilId, form.ToOpenBallot(), by),
                    "close-ballot" => Ballot().CloseAsync(councilId, by),
                    "hand-count" => HandCountAsync(),
                    "request-floor" => Run(new RequestFloor(Blank(form.UserId))),
                    "withdraw-floor" => Run(new WithdrawFloorRequest(Blank(form.UserId))),
                    "give-floor" => Run(new GiveFloor(form.UserId ?? "")),
                    "end-speech" => Run(new EndSpeech(form.UserId ?? "")),
                    "close-speakers" => Run(new CloseSpeakersList()),
                    "reorder" => Run(new ReorderAgenda(form.Agenda ?? [])),
                    "reschedule" => RescheduleAsync(),
                    "cancel" => Run(new CancelMeeting(form.Reason ?? "")),
                    "vote" => Ballot().CastAsync(councilId, new CastVote(form.Choice, form.ClientVoteId, form.VoterId, form.Options), by).Acknowledged("form"),
                    _ => throw new ArgumentException("Unknown action."),
                });
                return $"{page}?done={Uri.EscapeDataString(form.Action!)}";
            }, form.Action == "vote" ? FormRedirects.Keep(BallotCard.FormName(form.BallotId, form.VoterId), form.ClientVoteId) : null);
        }).Access(Audience.Council).ExcludeFromDescription();

        app.MapPost("/councils/{councilId}/meetings/new", async (string councilId, [FromForm] ScheduleMeetingForm form,
            HttpContext http, IGrainFactory grains) =>
        {
            var meetingId = Identifiers.New("meeting");
            return await FormRedirects.Attempt($"/councils/{councilId}/meetings/new", async () =>
            {
                await grains.GetGrain<IMeetingGrain>(meetingId).ScheduleAsync(councilId,
                    new ScheduleMeeting(form.BodyId ?? "", form.Title ?? "", form.When(await ZoneAsync(grains, councilId)), form.Place ?? "", form.Agenda ?? []), http.Actor());
                return $"/councils/{councilId}/meetings/{meetingId}?done=scheduled";
            });
        }).AccessFor(CouncilRole.Clerk).ExcludeFromDescription();
        return app;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static async Task<string> ZoneAsync(IGrainFactory grains, string councilId) =>
        (await grains.GetGrain<ICouncilGrain>(Identifiers.Require(councilId, "council")).GetAsync())?.TimeZoneId ?? Domain.CouncilTime.DefaultZoneId;
}

public sealed class ScheduleMeetingForm
{
    public string? BodyId { get; set; }
    public string? Title { get; set; }
    public string? StartsAt { get; set; }
    public string? Place { get; set; }
    public string[]? Agenda { get; set; }

    /// <summary>The browser's date-time field carries no zone: it is the council's local time, as the pages show it.</summary>
    public DateTimeOffset When(string zoneId) => MeetingTimes.ParseLocal(StartsAt, zoneId);
}
