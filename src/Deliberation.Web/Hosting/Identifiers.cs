using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Deliberation.Web.Hosting;

/// <summary>Ids in routes and streams: lower-case letters, digits and dashes, so they are safe in URLs, keys and logs.</summary>
public static partial class Identifiers
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Require(string? id, string what) =>
        IsValid(id) ? id! : throw new NotFound($"There is no such {what}.");

    /// <summary>A new id: a prefix and ten random base-32 characters.</summary>
    public static string New(string prefix)
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return $"{prefix}-{chars}";
    }
}
