namespace Deliberation.Web.Ledger;

/// <summary>
/// A place in the ledger's order (month, newest first, then entry id): the keyset a page starts after or ends before,
/// carried in the URL as <c>yyyy-MM.entry-id</c>. Keyset, not OFFSET: page 100 costs what page 1 does, and a line
/// escalated while the clerk pages on neither repeats nor pushes another off the next page.
/// </summary>
public sealed record LedgerCursor(string Month, string EntryId)
{
    public override string ToString() => $"{Month}.{EntryId}";

    public static LedgerCursor? Parse(string? text) =>
        text is { Length: > 8 } && text[7] == '.' && text[4] == '-' ? new LedgerCursor(text[..7], text[8..]) : null;

    public static LedgerCursor Of(LedgerEntry entry) => new(LedgerProjection.MonthOf(entry.Since), entry.Id);
}

/// <summary>One page of the ledger and where the pages beside it start, if there are any.</summary>
public sealed record LedgerPageOf(IReadOnlyList<LedgerEntry> Entries, LedgerCursor? Previous, LedgerCursor? Next);
