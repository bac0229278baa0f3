using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Ledger;

/// <summary>
/// A place in the ledger's order (month, newest first, then entry id): a <see cref="Keyset"/> whose key is the month,
/// carried in the URL as <c>yyyy-MM.entry-id</c>.
/// </summary>
public static class LedgerCursor
{
    public static readonly KeysetOrder Order = new("month", "entry_id", Descending: true);

    public static Keyset? Parse(string? text) => Keyset.Parse(text, IsMonth);

    public static Keyset Of(LedgerEntry entry) => new(entry.Month, entry.Id);

    public static bool IsMonth(string key) => key.Length == 7 && key[4] == '-' && char.IsAsciiDigit(key[0]);
}
