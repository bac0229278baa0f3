using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.Projections;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Meetings;

public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/councils/{councilId}/meetings").WithTags("Meetings");

        // Meetings are held in public: their schedule and agenda are for everyone to see.
        meetings.MapGet("/", async (string councilId, ProjectionRunner readSide) => Results.Ok(await MeetingCatalogue.ListAsync(readSide, councilId)))
            .Access(Audience.Public);

        meetings.MapPost("/", async (string councilId, ScheduleMeeting request, HttpContext http, IGrainFactory grains) =>
        {
            var meetingId = Identifiers.New("meeting");
            var view = await grains.GetGrain<IMeetingGrain>(meetingId).ScheduleAsync(councilId, request, http.Actor());
            return Results.Created($"/api/councils/{councilId}/meetings/{meetingId}", view);
        }).AccessFor(CouncilRole.Clerk);

        meetings.MapGet("/{meetingId}", async (string councilId, string meetingId, HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IMeetingGrain>(Identifiers.Require(meetingId, "meeting")).GetAsync(councilId) is { } view
                ? Results.Ok(await MeetingDisclosure.ForViewerAsync(view, grains, http.ActorOrNull()))
                : Results.Problem(statusCode: 404, detail: "There is no such meeting."))
            .Access(Audience.Public);

        Commands.Map<AddAgendaItem>(meetings, "agenda", null, CouncilRole.Clerk);
        Commands.Map(meetings, "open", new OpenMeeting(), CouncilRole.Clerk, CouncilRole.Chair);
        Commands.Map<RecordAttendance>(meetings, "attendance", null, CouncilRole.Clerk, CouncilRole.Chair);
        // Self check-in answers a small receipt, not the meeting: a hall checks in by the thousand. Checking in twice
        // changes nothing and answers the same, so a resend needs no idempotency key (one sent is not needed).
        meetings.MapPost("/{meetingId}/check-in", async (string councilId, string meetingId, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IMeetingGrain>(Identifiers.Require(meetingId, "meeting")).CheckInAsync(councilId, http.Actor())))
            .AccessFor(CouncilRole.Member).WithName("meeting-check-in");
        Commands.Map<TakeUpItem>(meetings, "take-up", null, CouncilRole.Clerk, CouncilRole.Chair);
        Commands.Map(meetings, "close", new CloseMeeting(), CouncilRole.Clerk, CouncilRole.Chair);

        // Agenda control before the items are taken up, and the meeting's time and place or its cancellation before it opens.
        Commands.Map<ReorderAgenda>(meetings, "agenda-order", null, CouncilRole.Clerk, CouncilRole.Chair);
        Commands.Map<RescheduleMeeting>(meetings, "reschedule", null, CouncilRole.Clerk, CouncilRole.Chair);
        Commands.Map<CancelMeeting>(meetings, "cancel", null, CouncilRole.Clerk, CouncilRole.Chair);

        // The floor: members ask and withdraw for themselves (the chair and clerk for anyone); the chair runs the list.
        Commands.Map(meetings, "floor-request", new RequestFloor(), CouncilRole.Member, CouncilRole.Clerk, CouncilRole.Chair);
        Commands.Map(meetings, "floor-withdraw", new WithdrawFloorRequest(), CouncilRole.Member, CouncilRole.Clerk, CouncilRole.Chair);
        Commands.Map<GiveFloor>(meetings, "floor-give", null, CouncilRole.Clerk, CouncilRole.Chair);
        Commands.Map<EndSpeech>(meetings, "floor-end", null, CouncilRole.Clerk, CouncilRole.Chair);
        Commands.Map(meetings, "floor-close", new CloseSpeakersList(), CouncilRole.Clerk, CouncilRole.Chair);
        return app;
    }

    private static readonly GrainCommands<IMeetingGrain, MeetingCommand, MeetingView> Commands =
        new("meeting", (meeting, councilId, command, by) => meeting.ActAsync(councilId, command, by));
}

/// <summary>The council's meetings, from the meeting list projection (<see cref="MeetingListProjection"/>), earliest first.</summary>
public static class MeetingCatalogue
{
    public static async Task<IReadOnlyList<MeetingSummary>> ListAsync(ProjectionRunner readSide, string councilId) =>
        (await EntriesAsync(readSide, councilId)).Select(m => m.Summary).ToList();

    /// <summary>The whole rows, with the calendar's sequence and last change; <paramref name="status"/> narrows them.</summary>
    public static Task<IReadOnlyList<MeetingListEntry>> EntriesAsync(ProjectionRunner readSide, string councilId, MeetingStatus? status = null) =>
        readSide.QueryAsync(MeetingListProjection.ProjectionName,
            "SELECT summary, sequence, changed_at FROM meeting_list WHERE council_id = @council" + (status is null ? "" : " AND status = @status") +
            " ORDER BY starts_at, meeting_id",
            row => JsonSerializer.Deserialize<MeetingListEntry>(row.GetString(0), EventJson.Options)! with
            {
                Sequence = (int)row.GetInt64(1),
                ChangedAt = DateTimeOffset.Parse(row.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
            },
            status is null ? [("@council", councilId)] : [("@council", councilId), ("@status", status.Value.ToString())]);

    /// <summary>The council's meetings that start after <paramref name="after"/>, the soonest first, at most <paramref name="limit"/>.</summary>
    public static Task<IReadOnlyList<MeetingListEntry>> LaterAsync(ProjectionRunner readSide, string councilId, DateTimeOffset after, int limit) =>
        readSide.QueryAsync(MeetingListProjection.ProjectionName,
            "SELECT summary FROM meeting_list WHERE council_id = @council AND starts_at > @after ORDER BY starts_at, meeting_id LIMIT @limit",
            row => JsonSerializer.Deserialize<MeetingListEntry>(row.GetString(0), EventJson.Options)!,
            [("@council", councilId), ("@after", ReadModelTime.Format(after)), ("@limit", limit)]);
}
