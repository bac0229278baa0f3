using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Meetings;

public sealed partial class Meeting
{
    // Who stands in for whom (absent member → their proxy), kept with the attendance so that a check-in asks one key,
    // not every record: a hall of thousands checks in within minutes.
    private readonly Dictionary<string, string> _proxies = new(StringComparer.Ordinal);

    /// <summary>
    /// A member of the meeting's body marks themself present while the meeting is open (from their phone in the hall);
    /// the chair or clerk corrects it with <see cref="RecordAttendance"/>. Checking in again changes nothing.
    /// Decided from the caller's own roles (a member role for this body is exactly a place on its roll), so that a
    /// check-in costs the same whatever the size of the roll.
    /// </summary>
    public IReadOnlyList<MeetingEvent> CheckIn(Actor by)
    {
        Expect(MeetingStatus.Open);
        if (!by.Holds(CouncilRole.Member, BodyId)) throw new NotPermitted(MeetingRefusals.CheckInMembersOnly);
        if (IsCheckedIn(by.UserId)) return [];
        if (_proxies.ContainsKey(by.UserId))
            throw new MeetingRuleViolation(MeetingRefusals.YourProxyRecorded);
        return Raise(new AttendanceRecorded(by.UserId, Meetings.Attendance.Present, null));
    }

    /// <summary>Whether the member is counted in person: present, or present as someone's proxy.</summary>
    public bool IsCheckedIn(string userId) =>
        _attendance.TryGetValue(userId, out var own) && own.Attendance is Meetings.Attendance.Present or Meetings.Attendance.Proxy;

    private void ApplyAttendance(AttendanceRecorded recorded)
    {
        if (_attendance.TryGetValue(recorded.UserId, out var before) && before.ProxyFor is { } stoodFor
            && _proxies.GetValueOrDefault(stoodFor) == recorded.UserId)
            _proxies.Remove(stoodFor);
        _attendance[recorded.UserId] = new AttendanceEntry(recorded.Attendance, recorded.ProxyFor);
        if (recorded.ProxyFor is { } standsFor) _proxies[standsFor] = recorded.UserId;
    }
}
