using Deliberation.Domain.Escalations;
using Deliberation.Web.AgendaItems;

namespace Deliberation.Web.Escalations;

/// <summary>The whistle, as the item's route asks for it: the matter is the item's, the rest the clerk's.</summary>
public sealed record Escalate(string CouncilId, EscalatedMatter Matter, string DepartmentId, string Request, int RespondWithinHours, DateOnly DueOn);

/// <summary>What someone asks an escalation to do; each is also the JSON body of its endpoint.</summary>
public abstract record EscalationCommand;

public sealed record ReceiveEscalation(string Response) : EscalationCommand;
public sealed record NoteEscalationProgress(string Note) : EscalationCommand;
public sealed record CompleteEscalation(string Result) : EscalationCommand;
public sealed record ReturnEscalation(string Reason) : EscalationCommand;
public sealed record RateFeedback(int Score, string? Comment) : EscalationCommand;
public sealed record ReopenEscalation(string Reason, DateOnly DueOn) : EscalationCommand;

public sealed record EscalationView(
    string Id, string CouncilId, string ReferenceNo, string ItemId, string ItemTitle, string Matter, string Place,
    string DepartmentId, string DepartmentName, string? DepartmentContact, string Request, int RespondWithinHours,
    DateTimeOffset EscalatedAt, DateTimeOffset RespondBy, DateOnly DueOn, string TimeZoneId, string Status, string? Response,
    IReadOnlyList<string> Notes, string? Result, string? ReturnReason, bool ResponseOverdue, bool Overdue, int Reopened,
    IReadOnlyList<FeedbackRatingView> Ratings, IReadOnlyList<string> Allowed, IReadOnlyList<TimelineEntry> Timeline);

public sealed record FeedbackRatingView(int Score, string? Comment, int Round);

/// <summary>What the stream catalogue keeps for lists (a department's inbox), read without replaying.</summary>
public sealed record EscalationSummary(string Id, string CouncilId, string ReferenceNo, string ItemId, string ItemTitle,
    string DepartmentId, string DepartmentName, string Status, DateOnly DueOn, bool ResponseOverdue, bool Overdue, int Reopened,
    DateTimeOffset UpdatedAt);
