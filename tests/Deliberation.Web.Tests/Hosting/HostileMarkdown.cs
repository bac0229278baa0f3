using AngleSharp.Dom;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>Markdown an attacker would type into any text field, and the check that a rendered page carries none of it live.</summary>
public static class HostileMarkdown
{
    public static readonly string[] Links =
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1))",
        "[click](<javascript:alert(1)>)",
        "[click](java&#x09;script:alert(1))",
        "[click](java&#9;script:alert(1))",
        "[click](java&#x0A;script:alert(1))",
        "[click](&#x6A;avascript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click](&#x01;javascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](VBScript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](DATA:text/html,<script>alert(1)</script>)",
        "[click](file:///etc/passwd)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "[click][ref]\n\n[ref]: <java&#x09;script:alert(1)> \"title\"",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html,alert(1)>",
        "[![img](javascript:alert(1))](javascript:alert(2))",
    ];

    public static readonly string[] Images =
    [
        "![alt](javascript:alert(1))",
        "![alt](JaVaScRiPt:alert(1))",
        "![alt](java&#x09;script:alert(1))",
        "![alt](vbscript:msgbox(1))",
        "![alt](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![alt](data:image/svg+xml,<svg onload=alert(1)>)",
        "![alt][pic]\n\n[pic]: javascript:alert(1)",
    ];

    /// <summary>All of the above in one text, as one field of a form.</summary>
    public static string All => string.Join("\n\n", Links.Concat(Images)) + "\n\n<script>alert(1)</script> <a href=\"javascript:alert(1)\">raw</a>";

    public static string[] Unsafe(IParentNode page) =>
        page.QuerySelectorAll("[href], [src], [action], [formaction], [srcset], [xlink\\:href]")
            .SelectMany(e => e.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction" or "srcset" or "xlink:href"))
            .Select(a => a.Value)
            .Where(value => !SafeAddress(value))
            .ToArray();

    // Independent of the app's own check: what a browser would run.
    private static bool SafeAddress(string value)
    {
        var address = new string(value.Where(c => c > ' ').ToArray()).ToLowerInvariant();
        return !(address.StartsWith("javascript:") || address.StartsWith("vbscript:") || address.StartsWith("data:") || address.StartsWith("file:"));
    }
}
