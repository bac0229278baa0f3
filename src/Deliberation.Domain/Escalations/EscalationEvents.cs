namespace Deliberation.Domain.Escalations;

/// <summary>Something that happened to an escalation (吹哨). Actor and time live in the log's envelope.</summary>
public abstract record EscalationEvent;

/// <summary>
/// The whistle: the clerk escalates an item to a department with a request, a time to respond and a due date. The
/// matter (title, text, place) and the department's name are copied in: the letter (函) shows them as they were sent.
/// The council's zone then is recorded too (its due dates end and its letter's times are told in it); an escalation
/// recorded before zones were has none, and meant China Standard Time.
/// </summary>
public sealed record Escalated(string EscalationId, string CouncilId, string ReferenceNo, string ItemId, string ItemTitle, string Matter,
    string Place, string SubmittedBy, string DepartmentId, string DepartmentName, string Request, int RespondWithinHours,
    DateTimeOffset RespondBy, DateOnly DueOn, string? TimeZoneId = null) : EscalationEvent;

/// <summary>The department has it (签收): its response.</summary>
public sealed record EscalationReceived(string Response) : EscalationEvent;

public sealed record EscalationProgressNoted(string Note) : EscalationEvent;

/// <summary>The department reports it done, with the result the submitter sees as the feedback (反馈).</summary>
public sealed record EscalationDone(string Result) : EscalationEvent;

/// <summary>The department sends it back to the council: not theirs, or not possible, with the reason.</summary>
public sealed record EscalationReturned(string Reason) : EscalationEvent;

public sealed record FeedbackRated(string RatedBy, int Score, string? Comment) : EscalationEvent;

/// <summary>A poor rating let the clerk send it back to be done again (退回重办) by a new due date.</summary>
public sealed record EscalationReopened(string Reason, DateOnly DueOn) : EscalationEvent;

/// <summary>The department did not respond in the time given; noticed by the council's clock, not a person.</summary>
public sealed record EscalationResponseOverdue(DateTimeOffset RespondBy) : EscalationEvent;

/// <summary>The due date passed before the department reported it done.</summary>
public sealed record EscalationOverdue(DateOnly DueOn) : EscalationEvent;

/// <summary>
/// The department is reminded that it is late (催办): recorded with the clock's notice, carrying the department, so that
/// whatever tells its accounts (an inbox, a message) reads it from the log.
/// </summary>
public sealed record DepartmentReminded(string DepartmentId, string DepartmentName, bool ResponseOverdue, bool Overdue, DateOnly DueOn)
    : EscalationEvent;

public enum EscalationStatus { Escalated, Received, Done, Returned }

public sealed record FeedbackRating(string RatedBy, int Score, string? Comment, int Round);

/// <summary>An escalation's rules refuse this now, whoever asks.</summary>
public sealed class EscalationRuleViolation : InvalidOperationException
{
    public EscalationRuleViolation(Said said) : base(said.Text) => said.Stamp(this);
}
