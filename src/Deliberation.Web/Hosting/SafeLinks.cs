using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Takes unsafe addresses out of parsed Markdown: a link keeps its text and loses its address, an image becomes its
/// alt text, an autolink becomes plain text.
/// </summary>
public static class SafeLinks
{
    public static void Apply(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (SafeUrl.IsSafe(link.GetDynamicUrl?.Invoke() ?? link.Url)) continue;
            if (link.IsImage) link.ReplaceBy(new LiteralInline(TextOf(link)), copyChildren: false);
            else Unwrap(link);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!SafeUrl.IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    /// <summary>The link's children take its place.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }

    private static string TextOf(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            if (inline is LiteralInline literal) text.Append(literal.Content.ToString());
            else if (inline is CodeInline code) text.Append(code.Content);
        }
        return text.ToString();
    }
}
