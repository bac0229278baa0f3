namespace Deliberation.Domain;

/// <summary>
/// The councils keep China Standard Time (UTC+8, no daylight saving): a due date ends at midnight there, so a letter
/// "due 5 December" is on time all of the 5th where the department works, whatever zone the server runs in.
/// A council may keep another zone for its meetings (its setting, <see cref="Councils.Council.TimeZoneId"/>): a
/// meeting's time is told in it, and a time typed into a form without a zone is read in it.
/// </summary>
public static class CouncilTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The zone a council keeps unless it says otherwise (IANA id).</summary>
    public const string DefaultZoneId = "Asia/Shanghai";

    /// <summary>The moment a due date is over: the start of the next day in the councils' time.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    public static bool IsKnownZone(string? zoneId) => !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _);

    /// <summary>The zone, or China Standard Time when it is unknown here (a zone database without it).</summary>
    public static TimeZoneInfo Zone(string? zoneId) =>
        zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone
            : TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, Offset, DefaultZoneId, DefaultZoneId);

    /// <summary>The moment as the council's clock shows it.</summary>
    public static DateTimeOffset InZone(DateTimeOffset at, string? zoneId) => TimeZoneInfo.ConvertTime(at, Zone(zoneId));

    /// <summary>A wall-clock time in the council's zone (as typed into a form) as a moment.</summary>
    public static DateTimeOffset FromLocal(DateTime local, string? zoneId)
    {
        var zone = Zone(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
