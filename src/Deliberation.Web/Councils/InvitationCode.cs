using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Web.Councils;

/// <summary>
/// Household invitation codes: short enough to type from paper, with no look-alike characters (0/O, 1/I/L),
/// and about 50 bits of randomness. Only a hash is stored, so the log never holds a usable code.
/// </summary>
public static class InvitationCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{chars[..5]}-{chars[5..]}";
    }

    /// <summary>
    /// The code of an invitation issued with a request id: the same for every resend of that request (so the clerk who
    /// resends after an unknown outcome gets the code that was recorded), and unguessable without the id, which only its
    /// sender holds (the log keeps a hash of it). Hence a long id: at least a GUID's worth.
    /// </summary>
    public static string For(string councilId, string issuedBy, string? requestId)
    {
        if (requestId is null) return New();
        if (requestId.Length < 16)
            throw new ArgumentException("An invitation's request id seeds its code: use at least 16 random characters (a GUID).", nameof(requestId));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"invitation\n{councilId}\n{issuedBy}\n{requestId}"));
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[hash[i] % Alphabet.Length];
        return $"{chars[..5]}-{chars[5..]}";
    }

    /// <summary>What people type varies (case, spaces, dashes); the hash does not.</summary>
    public static string Normalize(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string councilId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{councilId}\n{Normalize(code)}")));
}
