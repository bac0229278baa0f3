using System.Text.Json.Serialization;

namespace Deliberation.Web.Ledger;

/// <summary>
/// One line of the ledger (台账): an escalation to a department, or a small request (微心愿) to volunteers, as its
/// events leave it. <see cref="Kind"/> is <c>escalation</c> or <c>request</c>; for a request the department is the
/// volunteer group it was dispatched to. <see cref="TimeZoneId"/> is the council's zone when it was raised (its day ends
/// there, its month and times are told in it); a line written before zones were recorded has none: China Standard Time.
/// </summary>
public sealed record LedgerEntry(
    string Id, string Kind, string CouncilId, string ReferenceNo, string Title, string DepartmentId, string DepartmentName,
    string State, DateTimeOffset Since, DateTimeOffset? RespondBy, DateTimeOffset? RespondedAt, DateOnly DueOn,
    DateTimeOffset? DoneAt, bool ResponseOverdue, bool Overdue, int Reopened, int? LastRating, string? VolunteerId,
    string? PostedBy, string Result, string? TimeZoneId = null)
{
    [JsonIgnore] public string Zone => TimeZoneId ?? Domain.CouncilTime.DefaultZoneId;

    /// <summary>The council's month it was raised in: the ledger's month column and its keyset's key.</summary>
    [JsonIgnore] public string Month => Domain.CouncilTime.MonthOf(Since, Zone);

    public bool IsOpen => State is "Escalated" or "Received" or "Open" or "Dispatched" or "Taken";

    /// <summary>Late now: flagged by the council's clock, or its day is over and the clock has not got to it yet.</summary>
    public bool IsOverdueAt(DateTimeOffset now) =>
        Overdue || (IsOpen && now >= Domain.CouncilTime.EndOf(DueOn, Zone)) || (ResponseOverdue && RespondedAt is null);
}
