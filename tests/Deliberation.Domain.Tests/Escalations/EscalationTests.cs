using Deliberation.Domain.Councils;
using Deliberation.Domain.Escalations;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Escalations;

public sealed class EscalationTests
{
    // 10:00 in the councils' time on 1 December.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly DueOn = new(2026, 12, 10);
    private static readonly Department Works = new("works", "镇城建办", "0571-1234", ["u-works"]);
    private static readonly Department Water = new("water", "水务公司", "0571-5678", ["u-water"]);
    private static readonly Actor WorksOfficer = Actor.Nobody("u-works");
    private static readonly Actor WaterOfficer = Actor.Nobody("u-water");

    private static Escalation Whistle(int hours = 48)
    {
        var (escalation, _) = Escalation.Escalate(Clerk, Now, "esc-item-ab12cd34ef", "lakeside",
            new EscalatedMatter("item-ab12cd34ef", "路灯坏了", "村口三盏路灯不亮", "村口", Resident.UserId), Works, "请一周内修复", hours, DueOn);
        return escalation;
    }

    private static Escalation Done()
    {
        var escalation = Whistle();
        escalation.Receive(WorksOfficer, Works, "已签收");
        escalation.Complete(WorksOfficer, Works, "已更换灯泡");
        return escalation;
    }

    [Fact]
    public void TheWhistleCarriesTheMatterTheRequestTheDatesAndAReferenceNumber()
    {
        var (escalation, events) = Escalation.Escalate(Clerk, Now, "esc-item-ab12cd34ef", "lakeside",
            new EscalatedMatter("item-ab12cd34ef", "路灯坏了", "村口三盏路灯不亮", "村口", Resident.UserId), Works, "请一周内修复", 48, DueOn);

        var escalated = Assert.IsType<Escalated>(Assert.Single(events));
        Assert.Equal("镇城建办", escalated.DepartmentName);
        Assert.Equal(Now.AddHours(48), escalation.RespondBy);
        Assert.Equal("2026-AB12CD34EF", escalation.ReferenceNo);
        Assert.Equal(EscalationStatus.Escalated, escalation.Status);
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.FromHours(8)), escalation.DueBy);
    }

    [Fact]
    public void OnlyTheClerkBlowsTheWhistleWithSensibleDates()
    {
        var matter = new EscalatedMatter("i", "t", "x", "p", "u");
        Assert.Throws<NotPermitted>(() => Escalation.Escalate(Resident, Now, "e-1", "c", matter, Works, "r", 24, DueOn));
        Assert.Throws<ArgumentException>(() => Escalation.Escalate(Clerk, Now, "e-1", "c", matter, Works, "r", 0, DueOn));
        Assert.Throws<ArgumentException>(() => Escalation.Escalate(Clerk, Now, "e-1", "c", matter, Works, "r", 24, new DateOnly(2026, 11, 30)));
        Assert.Throws<TextRuleViolation>(() => Escalation.Escalate(Clerk, Now, "e-1", "c", matter, Works, " ", 24, DueOn));
        Assert.Throws<ArgumentException>(() => Escalation.Escalate(Clerk, Now, "e-1", "c", matter, Works, "r", 24 * 20, DueOn));
    }

    [Fact]
    public void TheDepartmentReceivesNotesProgressAndReportsItDone()
    {
        var escalation = Whistle();

        escalation.Receive(WorksOfficer, Works, "已签收，安排人员");
        escalation.NoteProgress(WorksOfficer, Works, "已订购灯泡");
        var events = escalation.Complete(WorksOfficer, Works, "已更换三盏灯泡");

        Assert.IsType<EscalationDone>(Assert.Single(events));
        Assert.Equal(EscalationStatus.Done, escalation.Status);
        Assert.Equal("已签收，安排人员", escalation.Response);
        Assert.Equal(["已订购灯泡"], escalation.Notes);
        Assert.Equal("已更换三盏灯泡", escalation.Result);
        Assert.True(escalation.Responded);
    }

    [Fact]
    public void RefusesAnAnswerFromAnotherDepartmentsAccountAndFromCouncilStaff()
    {
        var escalation = Whistle();

        Assert.Throws<NotPermitted>(() => escalation.Receive(WaterOfficer, Water, "收到"));
        // The water company's account, claiming the works department, is still not one of its accounts.
        Assert.Throws<NotPermitted>(() => escalation.Receive(WaterOfficer, Works, "收到"));
        Assert.Throws<NotPermitted>(() => escalation.Receive(Clerk, Works, "收到"));
        Assert.Equal(EscalationStatus.Escalated, escalation.Status);
    }

    [Fact]
    public void TheDepartmentMaySendItBackWithAReason()
    {
        var escalation = Whistle();

        escalation.Return(WorksOfficer, Works, "不属于本部门职责");

        Assert.Equal(EscalationStatus.Returned, escalation.Status);
        Assert.Equal("不属于本部门职责", escalation.ReturnReason);
        Assert.Empty(escalation.ValidActions());
        Assert.Throws<TextRuleViolation>(() => Whistle().Return(WorksOfficer, Works, " "));
    }

    [Fact]
    public void OnlyTheSubmitterRatesTheFeedbackOncePerRound()
    {
        var escalation = Done();

        Assert.Throws<NotPermitted>(() => escalation.Rate(Neighbour, 5, null));
        Assert.Throws<ArgumentException>(() => escalation.Rate(Resident, 6, null));
        escalation.Rate(Resident, 4, "修得快");

        Assert.Throws<EscalationRuleViolation>(() => escalation.Rate(Resident, 5, null));
        Assert.Empty(escalation.AllowedActions(Clerk, null));
    }

    [Fact]
    public void APoorRatingLetsTheClerkSendItBackToBeDoneAgainAndCountsAsReopened()
    {
        var escalation = Done();
        escalation.Rate(Resident, 2, "只修了一盏");

        Assert.Contains(EscalationAction.Reopen, escalation.AllowedActions(Clerk, null));
        Assert.Throws<NotPermitted>(() => escalation.Reopen(Resident, Now, "不满意", new DateOnly(2026, 12, 20)));
        escalation.Reopen(Clerk, Now, "居民不满意，退回重办", new DateOnly(2026, 12, 20));

        Assert.Equal(1, escalation.Reopened);
        Assert.Equal(EscalationStatus.Received, escalation.Status);
        Assert.Equal(new DateOnly(2026, 12, 20), escalation.DueOn);
        escalation.Complete(WorksOfficer, Works, "三盏都已修好");
        // A new round of work: the submitter rates again.
        escalation.Rate(Resident, 5, null);
        Assert.Equal([2, 5], escalation.Ratings.Select(r => r.Score));
    }

    [Fact]
    public void AGoodRatingCannotBeSentBack()
    {
        var escalation = Done();
        escalation.Rate(Resident, 3, null);

        Assert.Throws<EscalationRuleViolation>(() => escalation.Reopen(Clerk, Now, "x", DueOn));
    }

    [Fact]
    public void NothingIsOverdueBeforeItsTime()
    {
        var escalation = Whistle();

        Assert.Empty(escalation.NoticeOverdue(Now.AddHours(47)));
        Assert.Equal(Now.AddHours(48), escalation.NextDueAt);
    }

    [Fact]
    public void TheClockNoticesAMissedResponseOnceThenTheDueDate()
    {
        var escalation = Whistle();

        var late = escalation.NoticeOverdue(Now.AddHours(48));
        Assert.IsType<EscalationResponseOverdue>(Assert.Single(late));
        Assert.Empty(escalation.NoticeOverdue(Now.AddHours(49)));
        Assert.Equal(escalation.DueBy, escalation.NextDueAt);

        var overdue = escalation.NoticeOverdue(escalation.DueBy);
        Assert.IsType<EscalationOverdue>(Assert.Single(overdue));
        Assert.True(escalation.Overdue);
        Assert.Null(escalation.NextDueAt);
    }

    [Fact]
    public void ATimelyResponseStillTurnsOverdueWhenTheDueDatePassesUndone()
    {
        var escalation = Whistle();
        escalation.Receive(WorksOfficer, Works, "已签收");

        var events = escalation.NoticeOverdue(escalation.DueBy.AddDays(1));

        Assert.IsType<EscalationOverdue>(Assert.Single(events));
        Assert.False(escalation.ResponseOverdue);
    }

    [Fact]
    public void WorkDoneOrReturnedIsNeverOverdue()
    {
        var done = Done();
        var returned = Whistle();
        returned.Return(WorksOfficer, Works, "不归我们管");

        Assert.Empty(done.NoticeOverdue(done.DueBy.AddDays(30)));
        Assert.Empty(returned.NoticeOverdue(returned.DueBy.AddDays(30)));
        Assert.Null(done.NextDueAt);
    }

    [Fact]
    public void ASendBackStartsANewDueDateThatCanTurnOverdueAgain()
    {
        var escalation = Whistle();
        escalation.NoticeOverdue(escalation.DueBy);
        escalation.Complete(WorksOfficer, Works, "修好了");
        escalation.Rate(Resident, 1, null);
        escalation.Reopen(Clerk, Now.AddDays(12), "没修好", new DateOnly(2026, 12, 20));

        Assert.False(escalation.Overdue);
        Assert.IsType<EscalationOverdue>(Assert.Single(escalation.NoticeOverdue(CouncilTime.EndOf(new DateOnly(2026, 12, 20), CouncilTime.DefaultZoneId))));
    }

    [Fact]
    public void CouncilPeopleSeeEveryEscalationADepartmentOnlyItsOwn()
    {
        var escalation = Whistle();

        Assert.True(escalation.IsVisibleTo(Resident, null));
        Assert.True(escalation.IsVisibleTo(WorksOfficer, Works));
        Assert.False(escalation.IsVisibleTo(WaterOfficer, Water));
        Assert.False(escalation.IsVisibleTo(Actor.Nobody("u-stranger"), null));
    }

    [Fact]
    public void ReplayingTheEventsGivesTheSameEscalation()
    {
        var (original, first) = Escalation.Escalate(Clerk, Now, "esc-1", "lakeside", new EscalatedMatter("i", "t", "x", "p", Resident.UserId), Works, "r", 24, DueOn);
        var events = first.Concat(original.Receive(WorksOfficer, Works, "ok")).Concat(original.NoticeOverdue(original.DueBy)).ToList();

        var replayed = Escalation.Replay(events);

        Assert.Equal(original.Status, replayed.Status);
        Assert.Equal(original.Overdue, replayed.Overdue);
        Assert.Equal(original.Response, replayed.Response);
    }
}
