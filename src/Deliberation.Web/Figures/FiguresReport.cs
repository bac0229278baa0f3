namespace Deliberation.Web.Figures;

/// <summary>One group of counted facts (a month's row of <c>figures_month</c>, or a sum of them).</summary>
public sealed record FactCount(string Kind, string Fact, string Category, string DepartmentId, long N, long Total, long High, long Reopened);

/// <summary>
/// A month's figures, worked out from its counts: response rate (answered within the time limit), completion rate
/// (办结率: done by the due date, of those done or fallen due), resolution rate (解决率: done and not sent back),
/// satisfaction (满意率: ratings 4-5, the mean, how many), and median and 90th-percentile days to decision and to result.
/// A rate with nothing to divide by is null ("—"), never 0.
/// </summary>
public sealed record FiguresReport(string Month, IReadOnlyList<FactCount> Counts, IReadOnlyList<long> DecisionHours,
    IReadOnlyList<long> ResultHours, long LateEvents)
{
    public long Count(string kind, string fact) => Counts.Where(c => c.Kind == kind && c.Fact == fact).Sum(c => c.N);

    public long Count(string fact) => Counts.Where(c => c.Fact == fact).Sum(c => c.N);

    public double? ResponseRate => Share(Count("response_on_time"), Count("response_on_time") + Count("response_late"));

    public double? CompletionRate => Share(Count("done_on_time"), Count("done_on_time") + Count("due_missed"));

    public double? ResolutionRate
    {
        get
        {
            var done = Counts.Where(c => c.Fact == "done").ToList();
            return Share(done.Sum(c => c.N - c.Reopened), done.Sum(c => c.N));
        }
    }

    public long Ratings => Count("rating");

    public double? Satisfaction => Share(Counts.Where(c => c.Fact == "rating").Sum(c => c.High), Ratings);

    public double? MeanRating => Ratings == 0 ? null : (double)Counts.Where(c => c.Fact == "rating").Sum(c => c.Total) / Ratings;

    public double? MedianDaysToDecision => Percentile(DecisionHours, 50);
    public double? P90DaysToDecision => Percentile(DecisionHours, 90);
    public double? MedianDaysToResult => Percentile(ResultHours, 50);
    public double? P90DaysToResult => Percentile(ResultHours, 90);

    /// <summary>Counts of one fact by category (or department), for the breakdown tables.</summary>
    public IReadOnlyList<(string Key, long N)> By(Func<FactCount, string> key, string kind, string fact) =>
        Counts.Where(c => c.Kind == kind && c.Fact == fact).GroupBy(key).Select(g => (g.Key, g.Sum(c => c.N)))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>Nearest-rank percentile of hours, in days (the value at rank ⌈p/100 · n⌉ of the sorted values).</summary>
    public static double? Percentile(IReadOnlyList<long> hours, int p)
    {
        if (hours.Count == 0) return null;
        var sorted = hours.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1] / 24.0;
    }
}
