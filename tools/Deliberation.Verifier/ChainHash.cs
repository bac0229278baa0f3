using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Verifier;

/// <summary>
/// The recipe of docs/verifying.md, written again from the document rather than shared with the app: an event's hash
/// is the lowercase hex SHA-256 of the UTF-8 bytes of <c>len:value</c> for previous hash, stream id, sequence, type,
/// actor, time and payload in that order, len being the value's UTF-8 byte count in decimal.
/// </summary>
public static class ChainHash
{
    public const string Recipe = "sha256-len-prefixed-v1";
    public static readonly string Genesis = new('0', 64);

    public static string Of(string previousHash, string streamId, long sequence, string type, string actor, string occurredAt, string payload)
    {
        var text = new StringBuilder();
        foreach (var value in new[] { previousHash, streamId, sequence.ToString(CultureInfo.InvariantCulture), type, actor, occurredAt, payload })
            text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
