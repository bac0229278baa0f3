using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Meetings;

public sealed class RollCallTests
{
    private static readonly IReadOnlyList<RoleHolder> Roll =
    [
        new("u-1", "一", CouncilRole.Member, "owners", 120.5m),
        new("u-2", "二", CouncilRole.Member, "owners", 80m),
        new("u-3", "三", CouncilRole.Member, "owners", 99.5m),
    ];

    private static Meeting Open()
    {
        var (meeting, _) = Meeting.Schedule(Clerk, DateTimeOffset.UnixEpoch, "m-1", "lakeside", "owners", "业主大会", DateTimeOffset.UnixEpoch, "湖边议事厅", ["item-1"]);
        meeting.Open(Chair);
        return meeting;
    }

    [Fact]
    public void OnlyAClerkSchedulesAndNobodyTakesTheRollBeforeItOpens()
    {
        Assert.Throws<NotPermitted>(() => Meeting.Schedule(Resident, DateTimeOffset.UnixEpoch, "m", "c", "b", "t", DateTimeOffset.UnixEpoch, "p", []));
        var (meeting, _) = Meeting.Schedule(Clerk, DateTimeOffset.UnixEpoch, "m", "c", "owners", "t", DateTimeOffset.UnixEpoch, "p", []);

        Assert.Throws<MeetingRuleViolation>(() => meeting.RecordAttendance(Chair, "u-1", Attendance.Present, null, Roll));
    }

    [Fact]
    public void CountsPresentMembersTheirProxiesAndTheAbsentTheyStandForWithWeights()
    {
        var meeting = Open();

        meeting.RecordAttendance(Chair, "u-1", Attendance.Present, null, Roll);
        meeting.RecordAttendance(Chair, "u-2", Attendance.Proxy, "u-3", Roll);

        Assert.Equal(new Count(3, 300m), meeting.PresentCount(Roll));
    }

    [Fact]
    public void RefusesSomeoneOffTheRollASecondProxyAndAProxyForAPresentMember()
    {
        var meeting = Open();
        meeting.RecordAttendance(Chair, "u-1", Attendance.Present, null, Roll);
        meeting.RecordAttendance(Chair, "u-2", Attendance.Proxy, "u-3", Roll);

        Assert.Throws<ArgumentException>(() => meeting.RecordAttendance(Chair, "u-9", Attendance.Present, null, Roll));
        Assert.Throws<ArgumentException>(() => meeting.RecordAttendance(Chair, "u-1", Attendance.Proxy, "u-3", Roll));
        Assert.Throws<ArgumentException>(() => meeting.RecordAttendance(Chair, "u-3", Attendance.Proxy, "u-1", Roll));
    }

    [Fact]
    public void TakesUpOnlyAgendaItemsAndClosesOnce()
    {
        var meeting = Open();

        Assert.Throws<ArgumentException>(() => meeting.TakeUp(Chair, "item-9"));
        meeting.TakeUp(Chair, "item-1");
        Assert.Equal("item-1", meeting.CurrentItemId);
        meeting.Close(Chair);
        Assert.Throws<MeetingRuleViolation>(() => meeting.Close(Chair));
        Assert.Null(meeting.CurrentItemId);
    }

    [Fact]
    public void AMemberWithAProxyCannotAlsoBeRecordedPresent()
    {
        var meeting = Open();
        meeting.RecordAttendance(Chair, "u-2", Attendance.Proxy, "u-3", Roll);

        Assert.Throws<ArgumentException>(() => meeting.RecordAttendance(Chair, "u-3", Attendance.Present, null, Roll));
        meeting.RecordAttendance(Chair, "u-2", Attendance.Present, null, Roll);
        meeting.RecordAttendance(Chair, "u-3", Attendance.Present, null, Roll);

        Assert.Equal(new Count(2, 179.5m), meeting.PresentCount(Roll));
    }
}
