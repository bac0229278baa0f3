using System.Globalization;
using System.Text;

namespace Deliberation.Domain.Ballots;

/// <summary>
/// The exact text a secret ballot's list is signed as and published as (UTF-8, LF line ends, one entry a line, fields
/// separated by a tab, which no option name can hold): anyone can rebuild it from the entries, check the council's
/// signature over it with openssl, and find their receipt on a line of it (docs/secret-ballots.md).
/// </summary>
public static class SecretBallotList
{
    public const string Header = "deliberation secret ballot list v1";

    public static string Text(string councilId, string ballotId, IReadOnlyList<string> options, decimal weight, IReadOnlyList<SecretEntry> entries)
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n')
            .Append("council\t").Append(councilId).Append('\n')
            .Append("ballot\t").Append(ballotId).Append('\n')
            .Append("options\t").Append(options.Count == 0 ? "For\tAgainst\tAbstain" : string.Join('\t', options)).Append('\n')
            .Append("weight\t").Append(weight.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("entries\t").Append(entries.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var entry in entries) text.Append(Line(entry, options.Count == 0)).Append('\n');
        return text.ToString();
    }

    /// <summary>A motion's entry is "receipt, choice"; an entry between options is "receipt" and the options marked (none: blank).</summary>
    public static string Line(SecretEntry entry, bool motion) =>
        motion ? $"{entry.Receipt}\t{entry.Choice}" : string.Join('\t', [entry.Receipt, .. entry.Options ?? []]);

    /// <summary>
    /// A receipt as a voter reads and types it: 80 random bits in Crockford's base32, four groups of four
    /// (e.g. <c>7KQ2-M9XD-3F8R-HW5T</c>); unique in a ballot with odds far beyond any hall's.
    /// </summary>
    public static string Receipt(ReadOnlySpan<byte> tenRandomBytes)
    {
        if (tenRandomBytes.Length != 10) throw BallotRefusals.ReceiptBytes.Invalid(nameof(tenRandomBytes));
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var chars = new StringBuilder(19);
        ulong high = 0; // 80 bits read 5 at a time
        var bits = 0;
        var written = 0;
        foreach (var b in tenRandomBytes)
        {
            high = (high << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                if (written > 0 && written % 4 == 0) chars.Append('-');
                chars.Append(alphabet[(int)((high >> bits) & 31)]);
                written++;
            }
        }
        return chars.ToString();
    }

    /// <summary>A receipt as typed by a person: upper case, O read as 0, I and L as 1, groups joined with '-'.</summary>
    public static string Normalize(string typed)
    {
        var raw = new string((typed ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray());
        return string.Join('-', raw.Chunk(4).Select(c => new string(c)));
    }
}
