namespace Deliberation.Domain;

/// <summary>Refusals said the same way in every part of the council's work.</summary>
public static class CommonRefusals
{
    /// <summary>An empty list of what is allowed now.</summary>
    public static readonly RefusalText Nothing = new("nothing", "nothing");
    public static readonly RefusalText RolesOnly = new("roles-only", "Only a {0} may {1}.");
    public static readonly RefusalText RatingRange = new("rating-range", "A rating is from 1 to 5.");
    public static readonly RefusalText NoticeDays = new("notice-days", "The notice period is {0} to {1} days.");
    public static readonly RefusalText DueDatePassed = new("due-date-passed", "That day has passed already.");
}
