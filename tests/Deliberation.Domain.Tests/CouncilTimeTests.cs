namespace Deliberation.Domain.Tests;

/// <summary>The council's clock in its own zone: a day ends at its midnight, today and the month are its.</summary>
public sealed class CouncilTimeTests
{
    private const string NewYork = "America/New_York";
    // 23:30 on 31 December in New York (UTC-5): already 12:30 on 1 January in China.
    private static readonly DateTimeOffset NewYearsEveLate = new(2027, 1, 1, 4, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ADayEndsAtMidnightInTheCouncilsZoneInWinterAndInSummer()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 5, 0, 0, TimeSpan.Zero), CouncilTime.EndOf(new DateOnly(2026, 12, 31), NewYork));
        Assert.Equal(new DateTimeOffset(2026, 7, 5, 4, 0, 0, TimeSpan.Zero), CouncilTime.EndOf(new DateOnly(2026, 7, 4), NewYork));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), CouncilTime.EndOf(new DateOnly(2026, 12, 31), CouncilTime.DefaultZoneId));
    }

    [Fact]
    public void ADayEndsWhenMidnightFirstComesWhereSummerTimeEndsAtMidnight()
    {
        // Havana: on 1 November 2026 the clocks go back from 01:00 to 00:00, so midnight shows twice (04:00 and 05:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero), CouncilTime.EndOf(new DateOnly(2026, 10, 31), "America/Havana"));
        Assert.Equal(new DateOnly(2026, 11, 1), CouncilTime.Today(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero), "America/Havana"));
    }

    [Fact]
    public void ADayEndsAtTheNextDaysFirstMomentWhereSummerTimeSkipsMidnight()
    {
        // Santiago: on 6 September 2026 the clocks go from 00:00 to 01:00; the day begins at 01:00 (04:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), CouncilTime.EndOf(new DateOnly(2026, 9, 5), "America/Santiago"));
        Assert.Equal(new DateOnly(2026, 9, 5), CouncilTime.Today(new DateTimeOffset(2026, 9, 6, 3, 59, 0, TimeSpan.Zero), "America/Santiago"));
        Assert.Equal(new DateOnly(2026, 9, 6), CouncilTime.Today(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), "America/Santiago"));
    }

    [Fact]
    public void TodayAndTheMonthAreTheCouncilsOwn()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), CouncilTime.Today(NewYearsEveLate, NewYork));
        Assert.Equal(new DateOnly(2027, 1, 1), CouncilTime.Today(NewYearsEveLate, CouncilTime.DefaultZoneId));
        Assert.Equal("2026-12", CouncilTime.MonthOf(NewYearsEveLate, NewYork));
        Assert.Equal("2027-01", CouncilTime.MonthOf(NewYearsEveLate, CouncilTime.DefaultZoneId));
    }

    [Fact]
    public void NoZoneIsChinaStandardTime()
    {
        Assert.Equal(CouncilTime.EndOf(new DateOnly(2026, 12, 31), CouncilTime.DefaultZoneId), CouncilTime.EndOf(new DateOnly(2026, 12, 31), null));
        Assert.Equal("2027-01", CouncilTime.MonthOf(NewYearsEveLate, null));
    }
}
