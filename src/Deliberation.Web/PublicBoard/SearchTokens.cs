using System.Globalization;
using System.Text;

namespace Deliberation.Web.PublicBoard;

/// <summary>
/// How the board's search index cuts text into tokens, on SQLite and PostgreSQL alike: Chinese (and other scripts
/// written without spaces) into overlapping pairs of characters and into single characters, every other run of letters
/// and digits into one lower-cased word. Neither database's trigram index serves a two-character query such as 路灯;
/// pairs do, and a query is answered by intersecting its tokens' rows.
/// </summary>
public static class SearchTokens
{
    private const int LongestWord = 40;

    /// <summary>Every token of a text, each once.</summary>
    public static HashSet<string> Of(string text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in Terms(text))
        {
            if (!IsIdeographic(term)) tokens.Add(term);
            else
            {
                foreach (var rune in Runes(term)) tokens.Add(rune);
                foreach (var pair in Pairs(term)) tokens.Add(pair);
            }
        }
        return tokens;
    }

    /// <summary>
    /// What a query looks up: each word, and each pair of a Chinese run (one character alone is looked up by itself).
    /// At most <paramref name="limit"/> tokens, so a pasted page cannot make a query of thousands.
    /// </summary>
    public static IReadOnlyList<string> OfQuery(string query, int limit = 12)
    {
        var tokens = new List<string>();
        foreach (var term in Terms(query))
        {
            var runes = IsIdeographic(term) ? Runes(term).ToList() : null;
            var add = runes is null ? [term] : runes.Count == 1 ? runes : Pairs(term);
            foreach (var token in add)
                if (!tokens.Contains(token, StringComparer.Ordinal)) tokens.Add(token);
        }
        return tokens.Take(limit).ToList();
    }

    /// <summary>The query's terms as they must appear in a result (runs of Chinese whole, words lower-cased), for checking and marking.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        bool? ideographic = null;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            var kind = Rune.IsLetterOrDigit(rune) ? IsIdeographic(rune) : (bool?)null;
            if (kind != ideographic || kind is null) Flush();
            if (kind is not null) current.Append(rune.ToString());
            ideographic = kind;
        }
        Flush();
        return terms;

        void Flush()
        {
            if (current.Length == 0) return;
            var term = current.ToString().ToLower(CultureInfo.InvariantCulture);
            if (ideographic == true || term.Length <= LongestWord) terms.Add(term);
            current.Clear();
        }
    }

    private static IEnumerable<string> Runes(string term) => term.EnumerateRunes().Select(r => r.ToString());

    private static List<string> Pairs(string term)
    {
        var runes = Runes(term).ToList();
        return Enumerable.Range(0, Math.Max(0, runes.Count - 1)).Select(i => runes[i] + runes[i + 1]).ToList();
    }

    private static bool IsIdeographic(string term) => term.Length > 0 && IsIdeographic(Rune.GetRuneAt(term, 0));

    /// <summary>Scripts written without spaces between words: Han, kana, Hangul, and their extensions.</summary>
    private static bool IsIdeographic(Rune rune) => rune.Value switch
    {
        >= 0x2E80 and <= 0x2FDF => true,   // CJK radicals, Kangxi radicals
        >= 0x3040 and <= 0x30FF => true,   // hiragana, katakana
        >= 0x3100 and <= 0x31BF => true,   // bopomofo
        >= 0x3400 and <= 0x4DBF => true,   // extension A
        >= 0x4E00 and <= 0x9FFF => true,   // unified ideographs
        >= 0xAC00 and <= 0xD7AF => true,   // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true,   // compatibility ideographs
        >= 0x20000 and <= 0x3134F => true, // extensions B-G
        _ => false,
    };
}
