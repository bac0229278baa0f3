using System.Globalization;

namespace Deliberation.Domain;

/// <summary>
/// A council's clock: its time zone (its setting, <see cref="Councils.Council.TimeZoneId"/>, China Standard Time unless
/// changed) tells its times, reads a time typed into a form, ends its due dates ("due 5 December" is on time all of
/// the 5th where the council and its departments work, whatever zone the server runs in) and bounds its months.
/// </summary>
public static class CouncilTime
{
    /// <summary>The zone a council keeps unless it says otherwise (IANA id).</summary>
    public const string DefaultZoneId = "Asia/Shanghai";

    // Only for a zone database that lacks Asia/Shanghai: China has kept UTC+8 without daylight saving since 1991.
    private static readonly TimeSpan ChinaStandardOffset = TimeSpan.FromHours(8);

    /// <summary>The moment a due date is over: the start of the next day on the council's clock.</summary>
    public static DateTimeOffset EndOf(DateOnly day, string? zoneId) => FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zoneId);

    /// <summary>The day it is on the council's clock.</summary>
    public static DateOnly Today(DateTimeOffset now, string? zoneId) => DateOnly.FromDateTime(InZone(now, zoneId).DateTime);

    /// <summary>The council's month (yyyy-MM) of a moment: where the ledger files it and the figures count it.</summary>
    public static string MonthOf(DateTimeOffset at, string? zoneId) => InZone(at, zoneId).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool IsKnownZone(string? zoneId) => !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _);

    /// <summary>The zone, or China Standard Time when it is unknown here (a zone database without it).</summary>
    public static TimeZoneInfo Zone(string? zoneId) =>
        zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone
            : TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, ChinaStandardOffset, DefaultZoneId, DefaultZoneId);

    /// <summary>The moment as the council's clock shows it.</summary>
    public static DateTimeOffset InZone(DateTimeOffset at, string? zoneId) => TimeZoneInfo.ConvertTime(at, Zone(zoneId));

    /// <summary>
    /// A wall-clock time in the council's zone (as typed into a form) as a moment. A time the clocks show twice (the
    /// hour repeated when summer time ends) is its first showing, so a day that ends at such a midnight ends when
    /// midnight first comes; a time they skip is read on the clock from before the change (midnight skipped is the
    /// first moment of the day).
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local, string? zoneId)
    {
        var zone = Zone(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
