using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Orleans;
using Orleans.Concurrency;
using Deliberation.Web.Ballots;

namespace Deliberation.Web.Meetings;

/// <summary>One meeting of one body: its agenda, roll call and live state. Keyed by meeting id.</summary>
public interface IMeetingGrain : IGrainWithStringKey
{
    Task<MeetingView> ScheduleAsync(string councilId, ScheduleMeeting request, Actor by);

    Task<MeetingView> ActAsync(string councilId, MeetingCommand command, Actor by);

    Task<MeetingView?> GetAsync(string councilId);

    /// <summary>
    /// Self check-in. Interleaved: decided in one piece on the live meeting from the caller's roles, then, while it
    /// becomes durable, the next check-in comes in, so the check-ins arriving during one write share the next. The
    /// receipt comes only once the attendance is durable. (Every other call waits its turn.)
    /// </summary>
    [AlwaysInterleave]
    Task<CheckInReceipt> CheckInAsync(string councilId, Actor by);

    /// <summary>Opens a ballot on the item under discussion, with the body's roll and who is present now; one at a time.</summary>
    Task<BallotView> OpenBallotAsync(string councilId, OpenBallot request, Actor by);
}

/// <summary>
/// A member's check-in as it stands: <c>Attendance</c> is Present, or Proxy for a member already recorded as someone's
/// proxy. Checking in again answers the same receipt and writes nothing.
/// </summary>
public sealed record CheckInReceipt(string MeetingId, string MemberId, string Attendance);

public sealed record ScheduleMeeting(string BodyId, string Title, DateTimeOffset StartsAt, string Place, IReadOnlyList<string>? Agenda);

public abstract record MeetingCommand;
public sealed record AddAgendaItem(string ItemId) : MeetingCommand;
public sealed record OpenMeeting : MeetingCommand;
public sealed record RecordAttendance(string UserId, Attendance Attendance, string? ProxyFor) : MeetingCommand;
public sealed record TakeUpItem(string ItemId) : MeetingCommand;
public sealed record CloseMeeting : MeetingCommand;

/// <summary>Puts a member on the current item's list of speakers: the member acting (no <c>MemberId</c>) or, by the chair or clerk, anyone on the roll.</summary>
public sealed record RequestFloor(string? MemberId = null) : MeetingCommand;
public sealed record WithdrawFloorRequest(string? MemberId = null) : MeetingCommand;
/// <summary>The chair gives the member the floor now, for the council's time per speaker; a running speech ends first.</summary>
public sealed record GiveFloor(string MemberId) : MeetingCommand;
/// <summary>Ends the named member's speech (a resend does not end the next one's).</summary>
public sealed record EndSpeech(string MemberId) : MeetingCommand;
public sealed record CloseSpeakersList : MeetingCommand;
/// <summary>The whole agenda in its new order: the same items, those already taken up where they were.</summary>
public sealed record ReorderAgenda(IReadOnlyList<string> Agenda) : MeetingCommand;
public sealed record RescheduleMeeting(DateTimeOffset StartsAt, string Place, string? Reason) : MeetingCommand;
public sealed record CancelMeeting(string Reason) : MeetingCommand;

public sealed record MeetingView(
    string Id, string CouncilId, string BodyId, string Title, DateTimeOffset StartsAt, string Place, string Status,
    IReadOnlyList<string> Agenda, string? CurrentItemId, IReadOnlyList<AttendanceView> Attendance,
    int RollSize, int PresentMembers, decimal PresentWeight, bool? Quorum, IReadOnlyList<string> Ballots,
    bool ProxiesCountTowardQuorum = true)
{
    /// <summary>The council's time zone (IANA id): the meeting's times are told in it.</summary>
    public string TimeZoneId { get; init; } = Domain.CouncilTime.DefaultZoneId;

    /// <summary>The current item's list of speakers (null while no item is taken up).</summary>
    public FloorView? Floor { get; init; }

    /// <summary>Minutes each speaker has, as the council sets it now.</summary>
    public int SpeakingMinutes { get; init; } = Domain.Councils.Council.DefaultSpeakingMinutes;

    public string? CancelReason { get; init; }

    /// <summary>Items taken up so far: they keep their places on the agenda.</summary>
    public IReadOnlyList<string> TakenUp { get; init; } = [];

    /// <summary>
    /// Null in the meeting as read (join, page, API): <c>Attendance</c> is then everyone recorded. On a push
    /// (<c>MeetingChanged</c>) <c>Attendance</c> is left out (empty), the counts (<c>PresentMembers</c>,
    /// <c>PresentWeight</c>, <c>RollSize</c>, <c>Quorum</c>) stand for it, and this holds the entries recorded since the
    /// meeting's previous push: a push grows with what changed, not with the roll. A screen that lists the roll merges
    /// them into the list it joined with, or reads the meeting again.
    /// </summary>
    public IReadOnlyList<AttendanceView>? AttendanceChanges { get; init; }
}

/// <summary>The current item's list of speakers: who waits in order, who speaks now, whether it is closed, who has spoken.</summary>
public sealed record FloorView(IReadOnlyList<string> Waiting, SpeechView? Speaking, bool Closed, IReadOnlyList<SpeechView> Spoken);

/// <summary>
/// A speech: who, since when, for how long they were given; screens count down from <c>StartedAt</c> + <c>TimeLimitSeconds</c>
/// on their own clock, so nothing is pushed while a speaker talks.
/// </summary>
public sealed record SpeechView(string MemberId, DateTimeOffset StartedAt, int TimeLimitSeconds, DateTimeOffset? EndedAt)
{
    public DateTimeOffset EndsAt => StartedAt.AddSeconds(TimeLimitSeconds);
}

public sealed record AttendanceView(string UserId, string Attendance, string? ProxyFor);

/// <summary>A meeting's catalogue row (the <c>streams</c> summary): written by its grain, read by the lists.</summary>
public sealed record MeetingSummary(string Id, string CouncilId, string BodyId, string Title, DateTimeOffset StartsAt, string Place, MeetingStatus Status);
