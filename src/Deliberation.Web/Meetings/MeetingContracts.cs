using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Orleans;
using Deliberation.Web.Ballots;

namespace Deliberation.Web.Meetings;

/// <summary>One meeting of one body: its agenda, roll call and live state. Keyed by meeting id.</summary>
public interface IMeetingGrain : IGrainWithStringKey
{
    Task<MeetingView> ScheduleAsync(string councilId, ScheduleMeeting request, Actor by);

    Task<MeetingView> ActAsync(string councilId, MeetingCommand command, Actor by);

    Task<MeetingView?> GetAsync(string councilId);

    /// <summary>Opens a ballot on the item under discussion, with the body's roll and who is present now; one at a time.</summary>
    Task<BallotView> OpenBallotAsync(string councilId, OpenBallot request, Actor by);
}

public sealed record ScheduleMeeting(string BodyId, string Title, DateTimeOffset StartsAt, string Place, IReadOnlyList<string>? Agenda);

public abstract record MeetingCommand;
public sealed record AddAgendaItem(string ItemId) : MeetingCommand;
public sealed record OpenMeeting : MeetingCommand;
public sealed record RecordAttendance(string UserId, Attendance Attendance, string? ProxyFor) : MeetingCommand;
public sealed record TakeUpItem(string ItemId) : MeetingCommand;
/// <summary>The member acting marks themself present (self check-in).</summary>
public sealed record CheckIn : MeetingCommand;
public sealed record CloseMeeting : MeetingCommand;

public sealed record MeetingView(
    string Id, string CouncilId, string BodyId, string Title, DateTimeOffset StartsAt, string Place, string Status,
    IReadOnlyList<string> Agenda, string? CurrentItemId, IReadOnlyList<AttendanceView> Attendance,
    int RollSize, int PresentMembers, decimal PresentWeight, bool? Quorum, IReadOnlyList<string> Ballots,
    bool ProxiesCountTowardQuorum = true);

public sealed record AttendanceView(string UserId, string Attendance, string? ProxyFor);

/// <summary>A meeting's catalogue row (the <c>streams</c> summary): written by its grain, read by the lists.</summary>
public sealed record MeetingSummary(string Id, string CouncilId, string BodyId, string Title, DateTimeOffset StartsAt, string Place, MeetingStatus Status);
