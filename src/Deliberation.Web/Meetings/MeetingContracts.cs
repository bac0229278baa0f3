using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.Grains;

namespace Deliberation.Web.Meetings;

/// <summary>One meeting of one body: its agenda, roll call and live state. Keyed by meeting id.</summary>
public interface IMeetingGrain : IGrainWithStringKey
{
    Task<MeetingView> ScheduleAsync(string councilId, ScheduleMeeting request, Actor by);

    Task<MeetingView> ActAsync(string councilId, MeetingCommand command, Actor by);

    Task<MeetingView?> GetAsync(string councilId);

    /// <summary>What a ballot in this meeting needs now: the body, its rule, the current item, the electorate and who votes.</summary>
    Task<BallotSetup> GetBallotSetupAsync(string councilId);
}

public sealed record BallotSetup(string MeetingId, string BodyId, string DecisionRuleId, string Status, string? CurrentItemId,
    Count Electorate, IReadOnlyList<BallotVoter> Voters);

public sealed record ScheduleMeeting(string BodyId, string Title, DateTimeOffset StartsAt, string Place, IReadOnlyList<string>? Agenda);

public abstract record MeetingCommand;
public sealed record AddAgendaItem(string ItemId) : MeetingCommand;
public sealed record OpenMeeting : MeetingCommand;
public sealed record RecordAttendance(string UserId, Attendance Attendance, string? ProxyFor) : MeetingCommand;
public sealed record TakeUpItem(string ItemId) : MeetingCommand;
public sealed record CloseMeeting : MeetingCommand;

public sealed record MeetingView(
    string Id, string CouncilId, string BodyId, string Title, DateTimeOffset StartsAt, string Place, string Status,
    IReadOnlyList<string> Agenda, string? CurrentItemId, IReadOnlyList<AttendanceView> Attendance,
    int RollSize, int PresentMembers, decimal PresentWeight, bool? Quorum);

public sealed record AttendanceView(string UserId, string Attendance, string? ProxyFor);

public sealed record MeetingSummary(string Id, string CouncilId, string BodyId, string Title, DateTimeOffset StartsAt, string Place, string Status);
