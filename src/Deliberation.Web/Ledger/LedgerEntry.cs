namespace Deliberation.Web.Ledger;

/// <summary>
/// One line of the ledger (台账): an escalation to a department, or a small request (微心愿) to volunteers, as its
/// events leave it. <see cref="Kind"/> is <c>escalation</c> or <c>request</c>; for a request the department is the
/// volunteer group it was dispatched to.
/// </summary>
public sealed record LedgerEntry(
    string Id, string Kind, string CouncilId, string ReferenceNo, string Title, string DepartmentId, string DepartmentName,
    string State, DateTimeOffset Since, DateTimeOffset? RespondBy, DateTimeOffset? RespondedAt, DateOnly DueOn,
    DateTimeOffset? DoneAt, bool ResponseOverdue, bool Overdue, int Reopened, int? LastRating, string? VolunteerId,
    string? PostedBy, string Result)
{
    public bool IsOpen => State is "Escalated" or "Received" or "Open" or "Dispatched" or "Taken";

    /// <summary>Late now: flagged by the council's clock, or its day is over and the clock has not got to it yet.</summary>
    public bool IsOverdueAt(DateTimeOffset now) =>
        Overdue || (IsOpen && now >= Domain.CouncilTime.EndOf(DueOn)) || (ResponseOverdue && RespondedAt is null);
}
