using System.Globalization;
using System.Text;
using System.Text.Json;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;

namespace Deliberation.Web.PublicBoard;

/// <summary>What the board is asked for: each filter optional, and the words searched for.</summary>
public sealed record BoardFilter(string? Body = null, string? Category = null, string? Stage = null, int? Year = null, string? Query = null)
{
    public bool IsEmpty => Body is null && Category is null && Stage is null && Year is null && string.IsNullOrWhiteSpace(Query);
}

/// <summary>The values each filter may take on a council's board, with how many decisions have each.</summary>
public sealed record BoardFacets(
    IReadOnlyList<(string Id, int Count)> Bodies,
    IReadOnlyList<(string Category, int Count)> Categories,
    IReadOnlyList<(string Id, string NameZh, string NameEn, int Count)> Stages,
    IReadOnlyList<(int Year, int Count)> Years);

/// <summary>Reads of the public board's read model; one code path for SQLite and PostgreSQL.</summary>
public static class BoardQueries
{
    public const int Limit = 500;

    /// <summary>
    /// The council's disclosed decisions that pass the filter, latest disclosure first. A search looks each of the
    /// query's tokens up by (council, token) and keeps the items that have them all; an item whose text does not hold
    /// every term as typed (two pairs apart, not side by side) is then left out.
    /// </summary>
    public static async Task<IReadOnlyList<BoardDecision>> ListAsync(ProjectionRunner readSide, string councilId, BoardFilter filter, int limit = Limit)
    {
        var sql = new StringBuilder("SELECT decision FROM board_decisions WHERE council_id = @council");
        var parameters = new List<(string, object?)> { ("@council", councilId) };
        if (filter.Body is { } body) Add("body_id", "@body", body);
        if (filter.Category is { } category) Add("category", "@category", category);
        if (filter.Stage is { } stage) Add("stage", "@stage", stage);
        if (filter.Year is { } year) Add("year", "@year", (long)year);
        var terms = SearchTokens.Terms(filter.Query ?? "");
        var tokens = SearchTokens.OfQuery(filter.Query ?? "");
        if (tokens.Count > 0)
        {
            var names = tokens.Select((_, i) => $"@t{i}").ToList();
            sql.Append(" AND item_id IN (SELECT item_id FROM board_tokens WHERE council_id = @council AND token IN (")
                .Append(string.Join(", ", names)).Append(") GROUP BY item_id HAVING COUNT(*) = @tokens)");
            parameters.AddRange(tokens.Select((t, i) => (names[i], (object?)t)));
            parameters.Add(("@tokens", (long)tokens.Count));
        }
        else if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            return [];
        }
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY disclosed_at DESC, item_id LIMIT {limit}");
        var rows = await readSide.QueryAsync(PublicBoardProjection.ProjectionName, sql.ToString(),
            row => JsonSerializer.Deserialize<BoardDecision>(row.GetString(0), EventJson.Options)!, parameters.ToArray());
        return terms.Count == 0 ? rows : rows.Where(d => Holds(d.SearchText, terms)).ToList();

        void Add(string column, string name, object value)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} = {name}");
            parameters.Add((name, value));
        }
    }

    /// <summary>Every filter's values on the council's board (one grouped read, no decision text).</summary>
    public static async Task<BoardFacets> FacetsAsync(ProjectionRunner readSide, string councilId)
    {
        var rows = await readSide.QueryAsync(PublicBoardProjection.ProjectionName,
            "SELECT body_id, category, stage, stage_zh, stage_en, year, COUNT(*) FROM board_decisions WHERE council_id = @council " +
            "GROUP BY body_id, category, stage, stage_zh, stage_en, year",
            row => (Body: row.GetString(0), Category: row.GetString(1), Stage: row.GetString(2), Zh: row.GetString(3), En: row.GetString(4),
                Year: Convert.ToInt32(row.GetValue(5), CultureInfo.InvariantCulture), Count: Convert.ToInt32(row.GetValue(6), CultureInfo.InvariantCulture)),
            ("@council", councilId));
        return new BoardFacets(
            rows.Where(r => r.Body.Length > 0).GroupBy(r => r.Body).Select(g => (g.Key, g.Sum(r => r.Count))).OrderBy(b => b.Key, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.Category).Select(g => (g.Key, g.Sum(r => r.Count))).OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.Stage).Select(g => (g.Key, g.First().Zh, g.First().En, g.Sum(r => r.Count))).OrderBy(s => s.Key, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.Year).Select(g => (g.Key, g.Sum(r => r.Count))).OrderByDescending(y => y.Key).ToList());
    }

    private static bool Holds(string text, IReadOnlyList<string> terms)
    {
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        return terms.All(t => lower.Contains(t, StringComparison.Ordinal));
    }
}
