using System.Data.Common;
using System.Globalization;
using Deliberation.Runtime.Projections;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// A read model read a keyset page at a time, for pages, CSVs and JSON APIs alike (<see cref="Keyset"/>).
/// </summary>
public static class KeysetPages
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>A page's size as a page's address gives it: a missing or hand-edited value is the default, not an error.</summary>
    public static int SizeOf(int? size) => Math.Clamp(size ?? DefaultSize, 1, MaxSize);

    /// <summary>A page's size as text from its address, read as <see cref="SizeOf"/> does.</summary>
    public static int SizeOf(string? size) => SizeOf(ParseSize(size));

    /// <summary>
    /// One page of <c>{select} WHERE {where}</c> in <paramref name="order"/>: after <paramref name="after"/> (the next
    /// page), before <paramref name="before"/> (the previous one), or the first. One row more than the page is read to
    /// know whether another page follows; a row value seeks the index to the cursor on SQLite and PostgreSQL alike.
    /// </summary>
    public static async Task<KeysetPage<T>> PageAsync<T>(this ProjectionRunner readSide, string projection, string select, string where,
        IEnumerable<(string, object?)> parameters, KeysetOrder order, Func<DbDataReader, T> read, Func<T, Keyset> cursorOf,
        Keyset? after, Keyset? before, int size)
    {
        ArgumentNullException.ThrowIfNull(readSide);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(cursorOf);
        var all = parameters.ToList();
        var backwards = before is not null && after is null;
        // Backwards reads the order the other way from the cursor, then turns the page round.
        var descending = order.Descending != backwards;
        if ((after ?? before) is { } cursor)
        {
            where += $" AND ({order.KeyColumn}, {order.IdColumn}) {(descending ? "<" : ">")} (@cursorKey, @cursorId)";
            all.Add(("@cursorKey", cursor.Key));
            all.Add(("@cursorId", cursor.Id));
        }
        var direction = descending ? "DESC" : "ASC";
        var rows = (await readSide.QueryAsync(projection,
            $"{select} WHERE {where} ORDER BY {order.KeyColumn} {direction}, {order.IdColumn} {direction} LIMIT {size + 1}",
            read, [.. all])).ToList();
        var more = rows.Count > size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (backwards) rows.Reverse();
        if (rows.Count == 0) return new KeysetPage<T>(rows, null, null);
        var (first, last) = (cursorOf(rows[0]), cursorOf(rows[^1]));
        return backwards
            ? new KeysetPage<T>(rows, more ? first : null, last)
            : new KeysetPage<T>(rows, after is null ? null : first, more ? last : null);
    }

    /// <summary>
    /// The page a JSON API is asked for: <c>after</c> (the cursor in the previous answer's <c>next</c>) and <c>size</c>
    /// (1 to <see cref="MaxSize"/>, <see cref="DefaultSize"/> if not given), read as text. Unlike a page's address, a
    /// bad value is an error (a 400 problem saying which), not a first page the caller did not ask for.
    /// </summary>
    public static IResult? Ask(string? after, string? size, Func<string, bool> isKey, out Keyset? cursor, out int pageSize)
    {
        cursor = null;
        pageSize = DefaultSize;
        if (size is not null)
        {
            if (ParseSize(size) is not { } asked || asked is < 1 or > MaxSize)
                return BadPage(Errors.WebRefusals.PageSize.With(MaxSize));
            pageSize = asked;
        }
        if (after is not null && (cursor = Keyset.Parse(after, isKey)) is null)
            return BadPage(Errors.WebRefusals.PageCursor);
        return null;
    }

    /// <summary>The link to the page after this one: the same address and query, the cursor replaced.</summary>
    public static string? NextLink(HttpRequest request, Keyset? next)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (next is null) return null;
        var query = request.Query
            .Where(q => !q.Key.Equals("after", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("before", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"after={Uri.EscapeDataString(next.ToString())}");
        return $"{request.PathBase}{request.Path}?{string.Join("&", query)}";
    }

    private static int? ParseSize(string? size) =>
        int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static IResult BadPage(Domain.Said detail) => Errors.RefusalWords.Problem(400, "Not a page of this list", detail);
}

/// <summary>A JSON API's page: its entries and the link to the next page (null on the last).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Entries, string? Next);
