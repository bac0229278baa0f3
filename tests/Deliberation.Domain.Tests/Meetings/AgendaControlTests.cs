using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Meetings;

public sealed class AgendaControlTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor MemberOne = new("u-1", [new RoleGrant(CouncilRole.Member, "owners", 1)]);

    private static Meeting Scheduled() =>
        Meeting.Schedule(Clerk, Now, "m-1", "lakeside", "owners", "业主大会", Now.AddDays(2), "湖边议事厅", ["item-a", "item-b", "item-c"]).Meeting;

    [Fact]
    public void MovesAnItemUpOrDownAndTheSameOrderAgainChangesNothing()
    {
        var meeting = Scheduled();

        var order = Meeting.Moved(meeting.Agenda, "item-c", -1);
        var moved = meeting.ReorderAgenda(Chair, order);

        Assert.Equal(["item-a", "item-c", "item-b"], Assert.IsType<AgendaReordered>(Assert.Single(moved)).Agenda);
        Assert.Equal(["item-a", "item-c", "item-b"], meeting.Agenda);
        Assert.Empty(meeting.ReorderAgenda(Chair, order));
        Assert.Equal(meeting.Agenda, Meeting.Moved(meeting.Agenda, "item-a", -1));
    }

    [Fact]
    public void RefusesAnOrderThatDropsOrAddsItemsAndMovesOneTakenUp()
    {
        var meeting = Scheduled();
        Assert.Throws<ArgumentException>(() => meeting.ReorderAgenda(Clerk, ["item-a", "item-b"]));
        Assert.Throws<ArgumentException>(() => meeting.ReorderAgenda(Clerk, ["item-a", "item-b", "item-x"]));
        Assert.Throws<NotPermitted>(() => meeting.ReorderAgenda(MemberOne, ["item-c", "item-b", "item-a"]));
        meeting.Open(Chair);
        meeting.TakeUp(Chair, "item-a", Now);

        Assert.Throws<MeetingRuleViolation>(() => meeting.ReorderAgenda(Chair, ["item-b", "item-a", "item-c"]));
        Assert.Single(meeting.ReorderAgenda(Chair, ["item-a", "item-c", "item-b"]));
    }

    [Fact]
    public void ReschedulesBeforeItOpensOnly()
    {
        var meeting = Scheduled();

        var events = meeting.Reschedule(Clerk, Now, Now.AddDays(3), "村委会二楼", "场地维修");
        Assert.Empty(meeting.Reschedule(Clerk, Now, Now.AddDays(3), "村委会二楼", "场地维修"));
        Assert.Throws<ArgumentException>(() => meeting.Reschedule(Clerk, Now, Now.AddYears(3), "村委会二楼", null));
        Assert.Throws<NotPermitted>(() => meeting.Reschedule(MemberOne, Now, Now.AddDays(4), "村委会二楼", null));
        meeting.Open(Chair);

        Assert.Equal(new MeetingRescheduled(Now.AddDays(3), "村委会二楼", "场地维修"), Assert.Single(events));
        Assert.Equal((Now.AddDays(3), "村委会二楼"), (meeting.StartsAt, meeting.Place));
        Assert.Throws<MeetingRuleViolation>(() => meeting.Reschedule(Clerk, Now, Now.AddDays(5), "村委会二楼", null));
    }

    [Fact]
    public void CancelledWithAReasonBeforeItOpensAndThenNothingElseHappens()
    {
        var meeting = Scheduled();

        Assert.Throws<TextRuleViolation>(() => meeting.Cancel(Chair, " "));
        var events = meeting.Cancel(Chair, "台风预警");

        Assert.Equal(new MeetingCancelled("台风预警"), Assert.Single(events));
        Assert.Empty(meeting.Cancel(Chair, "台风预警"));
        Assert.Equal((MeetingStatus.Cancelled, "台风预警"), (meeting.Status, meeting.CancelReason));
        Assert.Throws<MeetingRuleViolation>(() => meeting.Open(Chair));
        Assert.Throws<MeetingRuleViolation>(() => meeting.ReorderAgenda(Chair, ["item-c", "item-b", "item-a"]));
    }

    [Fact]
    public void AnOpenMeetingCannotBeCancelled()
    {
        var meeting = Scheduled();
        meeting.Open(Chair);

        Assert.Throws<MeetingRuleViolation>(() => meeting.Cancel(Clerk, "改期"));
    }
}
