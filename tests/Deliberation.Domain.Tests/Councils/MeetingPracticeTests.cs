using Deliberation.Domain.Councils;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Councils;

public sealed class MeetingPracticeTests
{
    private static Council Lakeside() =>
        Council.Found("lakeside", new LocalizedText("湖边村议事会", "Lakeside"), "湖边议事厅", "siyi-liang-gongkai", 7).Council;

    [Fact]
    public void ACouncilKeepsChinaStandardTimeAndThreeMinutesPerSpeakerUntilTheClerkSaysOtherwise()
    {
        var council = Lakeside();
        Assert.Equal(("Asia/Shanghai", 3), (council.TimeZoneId, council.SpeakingMinutes));

        var events = council.SetMeetingPractice(Clerk, "Asia/Urumqi", 5, "新疆分会");

        Assert.Equal(new MeetingPracticeSet("Asia/Urumqi", 5, "新疆分会"), Assert.Single(events));
        Assert.Equal((TimeSpan.FromMinutes(5), "Asia/Urumqi"), (council.SpeakingTime, council.TimeZoneId));
        Assert.Empty(council.SetMeetingPractice(Clerk, "Asia/Urumqi", 5, null));
    }

    [Fact]
    public void RefusesAnUnknownZoneNoTimeAndAnyoneButTheClerk()
    {
        var council = Lakeside();

        Assert.Throws<ArgumentException>(() => council.SetMeetingPractice(Clerk, "Mars/Olympus", 3, null));
        Assert.Throws<ArgumentException>(() => council.SetMeetingPractice(Clerk, "Asia/Shanghai", 0, null));
        Assert.Throws<NotPermitted>(() => council.SetMeetingPractice(Chair, "Asia/Shanghai", 4, null));
    }

    [Fact]
    public void AMeetingTimeTypedWithoutAZoneIsReadInTheCouncilsZone()
    {
        var local = new DateTime(2026, 12, 5, 19, 30, 0);

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 11, 30, 0, TimeSpan.Zero), CouncilTime.FromLocal(local, "Asia/Shanghai"));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 13, 30, 0, TimeSpan.Zero), CouncilTime.FromLocal(local, "Asia/Urumqi"));
        Assert.Equal(19, CouncilTime.InZone(new DateTimeOffset(2026, 12, 5, 11, 30, 0, TimeSpan.Zero), "Asia/Shanghai").Hour);
    }
}
