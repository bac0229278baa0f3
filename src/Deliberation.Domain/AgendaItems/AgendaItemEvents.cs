using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.AgendaItems;

/// <summary>Something that happened to an agenda item. Actor and time live in the log's envelope, not here.</summary>
public abstract record AgendaItemEvent;

public sealed record ItemSubmitted(string ItemId, string CouncilId, string Title, string Text, string Category, string Place,
    string SubmittedBy, string? OnBehalfOf) : AgendaItemEvent;

/// <summary>The template is kept whole in the event: the item runs under that version whatever the council publishes later.</summary>
public sealed record ItemAccepted(string TemplateId, int TemplateVersion, ProcessTemplate Template, string? Note) : AgendaItemEvent;

public sealed record ItemMerged(string IntoItemId, string Reason) : AgendaItemEvent;
/// <summary>Routed to a department; since escalations exist, with the escalation that carries it (older items have none).</summary>
public sealed record ItemRouted(string Department, string Reason, string? EscalationId = null) : AgendaItemEvent;
public sealed record ItemDeclined(string Reason) : AgendaItemEvent;
public sealed record StepEntered(string StepId, int StepIndex, string Reason) : AgendaItemEvent;
public sealed record ProposalRecorded(int Version, string Text, IReadOnlyList<string> Options, string Source) : AgendaItemEvent;
public sealed record ProposalRevised(int Version, string Text, string Reason) : AgendaItemEvent;
public sealed record ConsultationRecorded(string? MeetingId, string Summary) : AgendaItemEvent;
public sealed record StepCompleted(string StepId) : AgendaItemEvent;
public sealed record ResolutionAdopted(string StepId, string DecisionRuleId, Tally Tally, bool Quorum, string? MeetingId) : AgendaItemEvent;
public sealed record ResolutionRejected(string StepId, string DecisionRuleId, Tally Tally, bool Quorum, string? MeetingId) : AgendaItemEvent;
public sealed record ReviewApproved(string Opinion) : AgendaItemEvent;
public sealed record ReviewReturned(string Reasons) : AgendaItemEvent;
public sealed record ResolutionDisclosed(DateTimeOffset NoticeEndsAt) : AgendaItemEvent;
public sealed record ObjectionRaised(int ObjectionNo, string Text, string RaisedBy) : AgendaItemEvent;
public sealed record ObjectionUpheld(int ObjectionNo, string Reason) : AgendaItemEvent;
public sealed record ObjectionDismissed(int ObjectionNo, string Reason) : AgendaItemEvent;
public sealed record NoticePeriodEnded : AgendaItemEvent;
public sealed record ImplementationAssigned(string ResponsibleParty, DateOnly Deadline) : AgendaItemEvent;
public sealed record ProgressReported(string Text, int? PercentDone) : AgendaItemEvent;
/// <summary>
/// A photo on the topic (<c>ProgressReport</c> null) or on a progress report (its number, from 1, in the order reported).
/// The bytes are stored apart, already stripped of metadata; the event names them by their SHA-256 id.
/// </summary>
public sealed record PhotoAttached(string PhotoId, string Description, int? ProgressReport, int Width, int Height) : AgendaItemEvent;
public sealed record ImplementationCompleted(string Summary) : AgendaItemEvent;
public sealed record ResultDisclosed(string Text) : AgendaItemEvent;
public sealed record ResultRated(string RatedBy, int Score) : AgendaItemEvent;
public sealed record ItemClosed(ItemOutcome Outcome, string Reason) : AgendaItemEvent;

public enum AgendaItemStatus { Submitted, InProcess, Declined, Merged, Routed, Closed }

public enum ItemOutcome { Rejected, Completed }

public enum ObjectionState { Pending, Upheld, Dismissed }

public sealed record ProposalVersion(int Version, string Text, string? Reason);

public sealed record Objection(int No, string Text, string RaisedBy, ObjectionState State);

public sealed record Rating(string RatedBy, int Score);

public sealed record ItemPhoto(string PhotoId, string Description, int? ProgressReport, int Width, int Height);
