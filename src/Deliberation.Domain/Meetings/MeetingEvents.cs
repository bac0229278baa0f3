namespace Deliberation.Domain.Meetings;

public abstract record MeetingEvent;

public sealed record MeetingScheduled(string MeetingId, string CouncilId, string BodyId, string Title, DateTimeOffset StartsAt,
    string Place, IReadOnlyList<string> Agenda) : MeetingEvent;

public sealed record AgendaItemAdded(string ItemId) : MeetingEvent;
public sealed record MeetingOpened : MeetingEvent;
public sealed record AttendanceRecorded(string UserId, Attendance Attendance, string? ProxyFor) : MeetingEvent;
public sealed record ItemTakenUp(string ItemId) : MeetingEvent;
public sealed record MeetingClosed : MeetingEvent;

/// <summary>The meeting held a ballot on its current item; the ballot's own stream holds its votes and count.</summary>
public sealed record BallotHeld(string BallotId, string ItemId) : MeetingEvent;

public enum MeetingStatus { Scheduled, Open, Closed }

/// <summary>Roll call: a proxy is a present member who also votes for one absent member who named them.</summary>
public enum Attendance { Present, Absent, Excused, Proxy }

public sealed record AttendanceEntry(Attendance Attendance, string? ProxyFor);
