using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Meetings;

public sealed class CheckInTests
{
    private static readonly Actor OnRoll = new("u-1", [new RoleGrant(CouncilRole.Member, "owners", 1)]);
    private static readonly Actor OffRoll = new("u-9", [new RoleGrant(CouncilRole.Member, "owners", 1)]);

    private static readonly IReadOnlyList<RoleHolder> Roll =
    [
        new("u-1", "一", CouncilRole.Member, "owners", 1m),
        new("u-2", "二", CouncilRole.Member, "owners", 1m),
    ];

    private static Meeting Scheduled() =>
        Meeting.Schedule(Clerk, DateTimeOffset.UnixEpoch, "m-1", "lakeside", "owners", "业主大会", DateTimeOffset.UnixEpoch, "湖边议事厅", []).Meeting;

    [Fact]
    public void AMemberOnTheRollChecksThemselfInOnceWhileTheMeetingIsOpen()
    {
        var meeting = Scheduled();
        Assert.Throws<MeetingRuleViolation>(() => meeting.CheckIn(OnRoll, Roll));
        meeting.Open(Chair);

        var first = meeting.CheckIn(OnRoll, Roll);
        var again = meeting.CheckIn(OnRoll, Roll);

        Assert.Equal(new AttendanceRecorded("u-1", Attendance.Present, null), Assert.Single(first));
        Assert.Empty(again);
        Assert.Equal(1, meeting.PresentCount(Roll).Members);
    }

    [Fact]
    public void RefusesSomeoneOffTheRollAndAMemberWhoseProxyIsRecorded()
    {
        var meeting = Scheduled();
        meeting.Open(Chair);
        meeting.RecordAttendance(Chair, "u-2", Attendance.Proxy, "u-1", Roll);

        Assert.Throws<NotPermitted>(() => meeting.CheckIn(OffRoll, Roll));
        Assert.Throws<MeetingRuleViolation>(() => meeting.CheckIn(OnRoll, Roll));
    }

    [Fact]
    public void TheChairCorrectsACheckIn()
    {
        var meeting = Scheduled();
        meeting.Open(Chair);
        meeting.CheckIn(OnRoll, Roll);

        meeting.RecordAttendance(Chair, "u-1", Attendance.Absent, null, Roll);

        Assert.Equal(0, meeting.PresentCount(Roll).Members);
    }
}
