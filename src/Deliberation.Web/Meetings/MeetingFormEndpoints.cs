using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Ballots;
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
                    var ballot = await Ballot().GetAsync(councilId, by) ?? throw new NotFound("There is no such ballot.");
                    await Ballot().CloseByHandAsync(councilId, form.ToHandCount(ballot.Options ?? []), by);
                }
                await (form.Action switch
                {
                    "open" => Run(new OpenMeeting()),
                    "attendance" => Run(new RecordAttendance(form.UserId ?? "",
                        form.Attendance ?? throw new ArgumentException("Choose present, absent, excused or proxy."), form.ProxyFor)),
                    "check-in" => Run(new CheckIn()),
                    "take-up" => Run(new TakeUpItem(form.ItemId ?? "")),
                    "close" => Run(new CloseMeeting()),
                    "open-ballot" => meeting.OpenBallotAsync(councilId, form.ToOpenBallot(), by),
                    "close-ballot" => Ballot().CloseAsync(councilId, by),
                    "hand-count" => HandCountAsync(),
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
                    new ScheduleMeeting(form.BodyId ?? "", form.Title ?? "", form.When(), form.Place ?? "", form.Agenda ?? []), http.Actor());
                return $"/councils/{councilId}/meetings/{meetingId}?done=scheduled";
            });
        }).AccessFor(CouncilRole.Clerk).ExcludeFromDescription();
        return app;
    }
}

public sealed class ScheduleMeetingForm
{
    public string? BodyId { get; set; }
    public string? Title { get; set; }
    public string? StartsAt { get; set; }
    public string? Place { get; set; }
    public string[]? Agenda { get; set; }

    /// <summary>The browser's date-time field carries no zone: it is the council's local time, as the pages show it.</summary>
    public DateTimeOffset When() =>
        DateTime.TryParseExact(StartsAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeLocal, out var local)
            ? new DateTimeOffset(local)
            : throw new ArgumentException("Give the meeting's date and time.", nameof(StartsAt));
}
