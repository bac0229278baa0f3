namespace Deliberation.Web.Grains;

/// <summary>
/// Idempotency keys: the id a client gives a command (the <c>Idempotency-Key</c> header, a <c>requestId</c> field, a
/// form's hidden field) so that sending it again, after a timeout or an unknown outcome, does not act twice. A key is
/// the sender's own: two people's equal keys are two requests.
/// </summary>
public static class RequestIds
{
    public const string Header = "Idempotency-Key";
    public const string Field = "requestId";
    public const int MaxLength = 100;

    /// <summary>The key itself, checked: printable and short, or null when the command came without one.</summary>
    public static string? Checked(string? requestId)
    {
        if (string.IsNullOrEmpty(requestId)) return null;
        if (requestId.Length > MaxLength || requestId.Any(c => c < '!' || c > '~'))
            throw Errors.WebRefusals.RequestId.With(MaxLength).Invalid(nameof(requestId));
        return requestId;
    }

    /// <summary>
    /// What the log keeps of a key: its hash, not the key, since a key may seed what only its sender should learn again
    /// (an invitation's code).
    /// </summary>
    public static string? Fingerprint(string? requestId) => Checked(requestId) is { } key
        ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32]
        : null;

    public static string Scoped(string actor, string fingerprint) => $"{actor}\n{fingerprint}";

    /// <summary>The key a JSON command gives in its body, else the one in the request's <c>Idempotency-Key</c> header.</summary>
    public static string? Of(HttpContext http, string? inBody) =>
        Checked(string.IsNullOrEmpty(inBody) ? http.Request.Headers[Header].FirstOrDefault() : inBody);
}
