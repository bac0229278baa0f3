using Deliberation.Runtime.Projections;

namespace Deliberation.Web.Figures;

/// <summary>
/// A batch's additions to <c>figures_month</c>, summed in memory and written once per row at the batch's end: one
/// upsert per council, month, kind, fact, category and department the batch touched, not one per fact. A rebuild
/// counts thousands of facts into the same few rows; writing each was most of its time. Nothing reads
/// <c>figures_month</c> while a batch is applied, so holding the sums back changes no figure.
/// </summary>
public sealed class MonthSums
{
    public readonly record struct Key(string Council, string Month, string Kind, string Fact, string Category, string Department);

    private readonly Dictionary<Key, (long N, long Total, long High, long Reopened)> _sums = [];

    public void Add(Key key, long n, long total, long high, long reopened)
    {
        var sum = _sums.GetValueOrDefault(key);
        _sums[key] = (sum.N + n, sum.Total + total, sum.High + high, sum.Reopened + reopened);
    }

    public async Task WriteAsync(ProjectionContext context)
    {
        foreach (var (key, sum) in _sums)
            await context.ExecuteAsync(
                "INSERT INTO figures_month (council_id, month, kind, fact, category, department_id, n, total, high, reopened) " +
                "VALUES (@council, @month, @kind, @fact, @category, @department, @n, @total, @high, @reopened) " +
                "ON CONFLICT (council_id, month, kind, fact, category, department_id) DO UPDATE SET n = figures_month.n + excluded.n, " +
                "total = figures_month.total + excluded.total, high = figures_month.high + excluded.high, " +
                "reopened = figures_month.reopened + excluded.reopened",
                ("@council", key.Council), ("@month", key.Month), ("@kind", key.Kind), ("@fact", key.Fact), ("@category", key.Category),
                ("@department", key.Department), ("@n", sum.N), ("@total", sum.Total), ("@high", sum.High), ("@reopened", sum.Reopened));
        _sums.Clear();
    }
}
