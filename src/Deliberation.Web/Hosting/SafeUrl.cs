namespace Deliberation.Web.Hosting;

/// <summary>
/// Which addresses user text may link to: http, https, mailto, and relative or fragment addresses. Decided the way a
/// browser reads the address (tabs and newlines inside it removed, control characters and spaces around it trimmed),
/// so <c>java&amp;#x09;script:</c> or <c> JavaScript:</c> are seen for what they are.
/// </summary>
public static class SafeUrl
{
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    public static bool IsSafe(string? url)
    {
        if (url is null) return true;
        var address = new string(url.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Trim(ControlOrSpace);
        var end = address.IndexOfAny([':', '/', '?', '#']);
        if (end < 0 || address[end] != ':') return true;
        var scheme = address[..end];
        return Schemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly char[] ControlOrSpace = Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray();
}
