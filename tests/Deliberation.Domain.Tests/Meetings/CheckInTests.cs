using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Meetings;

public sealed class CheckInTests
{
    private static readonly Actor OnRoll = new("u-1", [new RoleGrant(CouncilRole.Member, "owners", 1)]);
    private static readonly Actor OtherBody = new("u-9", [new RoleGrant(CouncilRole.Member, "villagers", 1)]);
    private static readonly Actor Resident = new("u-8", [new RoleGrant(CouncilRole.Resident, null, 1)]);

    private static readonly IReadOnlyList<RoleHolder> Roll =
    [
        new("u-1", "一", CouncilRole.Member, "owners", 1m),
        new("u-2", "二", CouncilRole.Member, "owners", 1m),
        new("u-3", "三", CouncilRole.Member, "owners", 1m),
    ];

    private static Meeting Scheduled() =>
        Meeting.Schedule(Clerk, DateTimeOffset.UnixEpoch, "m-1", "lakeside", "owners", "业主大会", DateTimeOffset.UnixEpoch, "湖边议事厅", []).Meeting;

    private static Meeting Opened()
    {
        var meeting = Scheduled();
        meeting.Open(Chair);
        return meeting;
    }

    [Fact]
    public void AMemberOnTheRollChecksThemselfInOnceWhileTheMeetingIsOpen()
    {
        var meeting = Scheduled();
        Assert.Throws<MeetingRuleViolation>(() => meeting.CheckIn(OnRoll));
        meeting.Open(Chair);

        var first = meeting.CheckIn(OnRoll);
        var again = meeting.CheckIn(OnRoll);

        Assert.Equal(new AttendanceRecorded("u-1", Attendance.Present, null), Assert.Single(first));
        Assert.Empty(again);
        Assert.True(meeting.IsCheckedIn("u-1"));
        Assert.Equal(1, meeting.PresentCount(Roll).Members);
    }

    [Fact]
    public void RefusesAMemberOfAnotherBodyAndSomeoneWithoutAMemberRole()
    {
        var meeting = Opened();

        Assert.Throws<NotPermitted>(() => meeting.CheckIn(OtherBody));
        Assert.Throws<NotPermitted>(() => meeting.CheckIn(Resident));
        Assert.Throws<NotPermitted>(() => meeting.CheckIn(Chair));
        Assert.Empty(meeting.Attendance);
    }

    [Fact]
    public void RefusesAMemberWhoseProxyIsRecorded()
    {
        var meeting = Opened();
        meeting.RecordAttendance(Chair, "u-2", Attendance.Proxy, "u-1", Roll);

        Assert.Throws<MeetingRuleViolation>(() => meeting.CheckIn(OnRoll));
    }

    [Fact]
    public void AdmitsTheMemberOnceTheirProxyIsRecordedOtherwise()
    {
        var meeting = Opened();
        meeting.RecordAttendance(Chair, "u-2", Attendance.Proxy, "u-1", Roll);
        meeting.RecordAttendance(Chair, "u-2", Attendance.Proxy, "u-3", Roll);

        var events = meeting.CheckIn(OnRoll);

        Assert.Single(events);
        Assert.Throws<MeetingRuleViolation>(() => meeting.CheckIn(new Actor("u-3", OnRoll.Roles)));
    }

    [Fact]
    public void AProxyIsCheckedInAlreadyAndCheckingInChangesNothing()
    {
        var meeting = Opened();
        meeting.RecordAttendance(Chair, "u-1", Attendance.Proxy, "u-2", Roll);

        Assert.Empty(meeting.CheckIn(OnRoll));
        Assert.Equal(Attendance.Proxy, meeting.Attendance["u-1"].Attendance);
    }

    [Fact]
    public void TheChairCorrectsACheckIn()
    {
        var meeting = Opened();
        meeting.CheckIn(OnRoll);

        meeting.RecordAttendance(Chair, "u-1", Attendance.Absent, null, Roll);

        Assert.Equal(0, meeting.PresentCount(Roll).Members);
        Assert.False(meeting.IsCheckedIn("u-1"));
    }
}
