using Deliberation.Domain.DecisionRules;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// What someone asks an agenda item to do; each is also the JSON body of its endpoint. <c>RequestId</c> is its
/// idempotency key (or the <c>Idempotency-Key</c> header): sent again with the same one, it is not done twice.
/// </summary>
public abstract record ItemCommand
{
    public string? RequestId { get; init; }
}

public sealed record SubmitItem(string Title, string Text, string Category, string Place, string? OnBehalfOf)
{
    /// <summary>Its idempotency key; a resend with the same one answers the item it created.</summary>
    public string? RequestId { get; init; }

    /// <summary>Photos already stored (re-encoded) with the submission, attached in the same commit.</summary>
    public IReadOnlyList<PhotoRef>? Photos { get; init; }
}

/// <summary>A stored photo (by its id) and what it shows, the text read out in its place.</summary>
public sealed record PhotoRef(string PhotoId, string Description, int Width, int Height);

public sealed record AcceptItem(string? TemplateId, string? Note) : ItemCommand;
public sealed record MergeItem(string IntoItemId, string Reason) : ItemCommand;
/// <summary>
/// Routes a topic to one of the council's departments (by id): the whistle of an escalation, with a request (the reason,
/// if none), a time to respond (72 hours) and a due date (in 15 days) unless the clerk gives them.
/// </summary>
public sealed record RouteItem(string Department, string Reason, string? Request = null, int? RespondWithinHours = null, DateOnly? DueOn = null)
    : ItemCommand;
public sealed record DeclineItem(string Reason) : ItemCommand;
public sealed record RecordProposal(string Text, IReadOnlyList<string>? Options, string? Source) : ItemCommand;
public sealed record ReviseProposal(string Text, string Reason) : ItemCommand;
public sealed record RecordConsultation(string? MeetingId, string Summary) : ItemCommand;
public sealed record CompleteStep : ItemCommand;

/// <summary>A ballot's result as counted in the meeting; the electorate is the body's roll, not the caller's word.</summary>
/// <summary>The count of a vote; <c>BodyId</c>, when given, names the body whose ballot it is, which must be the step's deciding body.</summary>
public sealed record RecordResolution(CountBody Present, CountBody For, CountBody Against, CountBody Abstain, string? MeetingId, string? BodyId = null)
    : ItemCommand;
public sealed record CountBody(int Members, decimal? Weight);

/// <summary>
/// Sent by a ballot as it closes, never over HTTP: the count as the ballot made it, with the electorate and the rule it
/// recorded when it opened, so a change to the roll or the body during the ballot changes nothing in the outcome.
/// </summary>
public sealed record TakeBallotResult(string BallotId, string MeetingId, string BodyId, string DecisionRuleId, Tally Tally) : ItemCommand;

public sealed record ApproveReview(string Opinion) : ItemCommand;
public sealed record ReturnReview(string Reasons) : ItemCommand;
public sealed record DiscloseResolution(int? NoticeDays) : ItemCommand;
public sealed record RaiseObjection(string Text) : ItemCommand;
public sealed record UpholdObjection(int ObjectionNo, string Reason) : ItemCommand;
public sealed record DismissObjection(int ObjectionNo, string Reason) : ItemCommand;
public sealed record EndNotice : ItemCommand;
public sealed record AssignImplementation(string ResponsibleParty, DateOnly Deadline) : ItemCommand;
public sealed record ReportProgress(string Text, int? PercentDone) : ItemCommand;
/// <summary>Photos already stored, on the topic (<c>ProgressReport</c> null) or on a progress report (its number from 1).</summary>
public sealed record AttachPhotos(IReadOnlyList<PhotoRef> Photos, int? ProgressReport) : ItemCommand;
public sealed record CompleteImplementation(string Summary) : ItemCommand;
public sealed record DiscloseResult(string Text) : ItemCommand;
public sealed record RateResult(int Score) : ItemCommand;
public sealed record CloseItem(string Reason) : ItemCommand;
