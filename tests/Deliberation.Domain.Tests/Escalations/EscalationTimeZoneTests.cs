using Deliberation.Domain.Councils;
using Deliberation.Domain.Escalations;
using Deliberation.Domain.Requests;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Escalations;

/// <summary>
/// Escalations and small requests keep the council's zone of the moment they were raised: their days end at midnight
/// there and the letter's year is its year; one recorded before zones were kept China Standard Time, as it meant.
/// </summary>
public sealed class EscalationTimeZoneTests
{
    private const string NewYork = "America/New_York";
    // 23:30 on 31 December in New York: 12:30 on 1 January in China.
    private static readonly DateTimeOffset NewYearsEveLate = new(2027, 1, 1, 4, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly DueOn = new(2027, 1, 2);
    private static readonly Department Works = new("works", "镇城建办", "", ["u-works"]);
    private static readonly EscalatedMatter Matter = new("item-ab12cd34ef", "路灯坏了", "村口三盏路灯不亮", "村口", Resident.UserId);

    private static DateTimeOffset InNewYork(int year, int month, int day, int hour, int minute) =>
        CouncilTime.FromLocal(new DateTime(year, month, day, hour, minute, 0), NewYork);

    private static (Escalation Escalation, IReadOnlyList<EscalationEvent> Events) Whistle(DateOnly dueOn, string zone) =>
        Escalation.Escalate(Clerk, NewYearsEveLate, "esc-item-ab12cd34ef", "lakeside", Matter, Works, "请修复", 24, dueOn, zone);

    [Fact]
    public void AnEscalationRaisedLateOnNewYearsEveInNewYorkIsOfThatYearAndRecordsItsZone()
    {
        var (escalation, events) = Whistle(DueOn, NewYork);

        Assert.Equal(NewYork, Assert.IsType<Escalated>(Assert.Single(events)).TimeZoneId);
        Assert.Equal("2026-AB12CD34EF", escalation.ReferenceNo);
        Assert.Equal("2027-AB12CD34EF", Whistle(DueOn, CouncilTime.DefaultZoneId).Escalation.ReferenceNo);
    }

    [Fact]
    public void ItsDueDateEndsAtMidnightInNewYorkNotInChina()
    {
        var (escalation, _) = Whistle(DueOn, NewYork);
        escalation.Receive(Actor.Nobody("u-works"), Works, "已签收");

        Assert.Equal(InNewYork(2027, 1, 3, 0, 0), escalation.DueBy);
        Assert.Empty(escalation.NoticeOverdue(InNewYork(2027, 1, 2, 23, 30)));
        Assert.IsType<EscalationOverdue>(Assert.Single(escalation.NoticeOverdue(InNewYork(2027, 1, 3, 0, 1))));
    }

    [Fact]
    public void TodayIsNewYorksToday()
    {
        // 31 December is still today in New York (in China it is past), and the send-back's date is read in the same zone.
        var (escalation, _) = Escalation.Escalate(Clerk, InNewYork(2026, 12, 30, 9, 0), "esc-1", "lakeside", Matter, Works, "请修复", 24,
            new DateOnly(2026, 12, 31), NewYork);
        Assert.Throws<ArgumentException>(() => Whistle(new DateOnly(2026, 12, 31), CouncilTime.DefaultZoneId));
        escalation.Receive(Actor.Nobody("u-works"), Works, "已签收");
        escalation.Complete(Actor.Nobody("u-works"), Works, "已修好");
        escalation.Rate(Resident, 1, "没修好");

        var reopened = escalation.Reopen(Clerk, NewYearsEveLate, "退回重办", new DateOnly(2026, 12, 31));

        Assert.IsType<EscalationReopened>(Assert.Single(reopened));
    }

    [Fact]
    public void AnEscalationRecordedBeforeZonesWereKeptChinaStandardTime()
    {
        var old = new Escalated("esc-1", "lakeside", "2026-1", "item-1", "t", "x", "p", Resident.UserId, "works", "镇城建办", "r", 24,
            NewYearsEveLate.AddHours(24), DueOn);

        var escalation = Escalation.Replay([old]);

        Assert.Equal(CouncilTime.DefaultZoneId, escalation.TimeZoneId);
        Assert.Equal(new DateTimeOffset(2027, 1, 3, 0, 0, 0, TimeSpan.FromHours(8)), escalation.DueBy);
    }

    [Fact]
    public void ASmallRequestsDayEndsAtMidnightInTheZoneItWasPostedIn()
    {
        var (request, events) = SmallRequest.Post(Resident, NewYearsEveLate, "req-1", "lakeside", "帮忙换灯泡", "", "维修", ["维修"], "3组12号",
            new DateOnly(2026, 12, 31), null, NewYork);

        Assert.Equal(NewYork, Assert.IsType<SmallRequestPosted>(Assert.Single(events)).TimeZoneId);
        Assert.Empty(request.NoticeOverdue(InNewYork(2026, 12, 31, 23, 59)));
        Assert.IsType<SmallRequestOverdue>(Assert.Single(request.NoticeOverdue(InNewYork(2027, 1, 1, 0, 0))));
        var old = SmallRequest.Replay([new SmallRequestPosted("req-2", "lakeside", "t", "", "维修", "p", new DateOnly(2026, 12, 31), Resident.UserId, null)]);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), old.DueBy);
    }
}
