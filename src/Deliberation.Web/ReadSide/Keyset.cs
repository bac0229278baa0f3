namespace Deliberation.Web.ReadSide;

/// <summary>
/// A place in a list's keyset order (a sort key, then the entry's id): where a page starts after or ends before,
/// carried in the URL as <c>key.id</c> (ids have no dots, so the last dot splits it). Keyset, not OFFSET: page 100
/// costs what page 1 does, and an entry added while someone pages on neither repeats nor pushes another off the next page.
/// </summary>
public sealed record Keyset(string Key, string Id)
{
    public override string ToString() => $"{Key}.{Id}";

    /// <summary>The cursor <paramref name="text"/> holds, or null when it holds none (or a key <paramref name="isKey"/> refuses).</summary>
    public static Keyset? Parse(string? text, Func<string, bool> isKey)
    {
        ArgumentNullException.ThrowIfNull(isKey);
        var dot = text?.LastIndexOf('.') ?? -1;
        if (dot <= 0 || dot == text!.Length - 1) return null;
        var key = text[..dot];
        return isKey(key) ? new Keyset(key, text[(dot + 1)..]) : null;
    }

    /// <summary>A key that is a day, <c>yyyy-MM-dd</c>.</summary>
    public static bool IsDay(string key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
}

/// <summary>One page of a list and where the pages beside it start, if there are any.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Entries, Keyset? Previous, Keyset? Next);

/// <summary>
/// A list's order: a key column, then an id column, both ascending or both descending, so that one row-value
/// comparison on an index ending in the two seeks to a cursor.
/// </summary>
public sealed record KeysetOrder(string KeyColumn, string IdColumn, bool Descending);
