using Deliberation.Domain;

namespace Deliberation.Web.Requests;

/// <summary>
/// A request late now: not taken or not done by its day. The catalogue's flag is set when the request's reminder
/// fires; until it has, the council's clock says so on its own, so a reload after midnight is already right.
/// </summary>
public static class SmallRequestDue
{
    public static bool IsOpen(SmallRequestSummary r) => r.Status is "Open" or "Dispatched" or "Taken";

    public static bool IsOverdueAt(SmallRequestSummary r, DateTimeOffset now) =>
        IsOpen(r) && (r.Overdue || now >= CouncilTime.EndOf(r.NeededBy, r.TimeZoneId));
}
