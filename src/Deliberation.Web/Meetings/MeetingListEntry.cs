using Deliberation.Domain.Meetings;

namespace Deliberation.Web.Meetings;

/// <summary>
/// A meeting as lists, the archive and the calendar show it (the meeting list projection's row): its agenda, how many
/// attended in each way, the ballots it held. <c>Sequence</c> and <c>ChangedAt</c> come from the row's own columns.
/// </summary>
public sealed record MeetingListEntry(string Id, string CouncilId, string BodyId, string Title, DateTimeOffset StartsAt, string Place,
    MeetingStatus Status, IReadOnlyList<string> Agenda, int Present, int Proxies, int Excused, int Absent, IReadOnlyList<string> Ballots)
{
    public int Sequence { get; init; }
    public DateTimeOffset ChangedAt { get; init; }

    public MeetingSummary Summary => new(Id, CouncilId, BodyId, Title, StartsAt, Place, Status);

    public static MeetingListEntry Of(Meeting meeting)
    {
        int Count(Attendance a) => meeting.Attendance.Values.Count(e => e.Attendance == a);
        return new(meeting.Id, meeting.CouncilId, meeting.BodyId, meeting.Title, meeting.StartsAt, meeting.Place, meeting.Status,
            meeting.Agenda.ToList(), Count(Attendance.Present), Count(Attendance.Proxy), Count(Attendance.Excused), Count(Attendance.Absent),
            meeting.Ballots.Select(b => b.BallotId).ToList());
    }
}
