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
        IsValid(id) ? id! : throw new NotFound(Errors.WebRefusals.Things.TryGetValue(what, out var thing)
            ? Errors.WebRefusals.NoSuch.With(thing) : Errors.WebRefusals.NoSuch.With(what));

    /// <summary>A new id: a prefix and ten random base-32 characters.</summary>
    public static string New(string prefix)
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{prefix}-{chars}";
    }

    /// <summary>
    /// The id of what a request creates: new, or, for a request with an idempotency key, the same one every time it is
    /// sent (a hash of who sent it, where and the key), so that a resend reaches what the first one created.
    /// </summary>
    public static string For(string prefix, string scope, string actor, string? requestId)
    {
        if (requestId is null) return New(prefix);
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{prefix}\n{scope}\n{actor}\n{requestId}"));
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[hash[i] % Alphabet.Length];
        return $"{prefix}-{chars}";
    }

    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
}
