namespace Deliberation.Domain;

/// <summary>
/// The councils keep China Standard Time (UTC+8, no daylight saving): a due date ends at midnight there, so a letter
/// "due 5 December" is on time all of the 5th where the department works, whatever zone the server runs in.
/// </summary>
public static class CouncilTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The moment a due date is over: the start of the next day in the councils' time.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}
