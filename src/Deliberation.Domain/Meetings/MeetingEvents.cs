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

/// <summary>A member joined the item's list of speakers: asked from their phone, or added by the chair (the actor says which).</summary>
public sealed record FloorRequested(string ItemId, string MemberId) : MeetingEvent;

public sealed record FloorRequestWithdrawn(string ItemId, string MemberId) : MeetingEvent;

/// <summary>The chair gave the member the floor at <c>StartedAt</c>, for the council's time per speaker then.</summary>
public sealed record FloorGiven(string ItemId, string MemberId, DateTimeOffset StartedAt, TimeSpan TimeLimit) : MeetingEvent;

/// <summary>The speech ended: <c>Duration</c> is how long the member spoke (the minutes read it as it stands).</summary>
public sealed record SpeechEnded(string ItemId, string MemberId, DateTimeOffset StartedAt, DateTimeOffset EndedAt, TimeSpan Duration) : MeetingEvent;

/// <summary>Nobody joins the item's list any more; those on it still speak.</summary>
public sealed record SpeakersListClosed(string ItemId) : MeetingEvent;

/// <summary>The agenda in its new order (items already taken up keep their places).</summary>
public sealed record AgendaReordered(IReadOnlyList<string> Agenda) : MeetingEvent;

public sealed record MeetingRescheduled(DateTimeOffset StartsAt, string Place, string Reason) : MeetingEvent;

public sealed record MeetingCancelled(string Reason) : MeetingEvent;

public enum MeetingStatus { Scheduled, Open, Closed, Cancelled }

/// <summary>Roll call: a proxy is a present member who also votes for one absent member who named them.</summary>
public enum Attendance { Present, Absent, Excused, Proxy }

public sealed record AttendanceEntry(Attendance Attendance, string? ProxyFor);
