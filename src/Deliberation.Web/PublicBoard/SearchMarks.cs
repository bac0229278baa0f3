using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Web.PublicBoard;

/// <summary>
/// A search result's text with the searched terms in <c>&lt;mark&gt;</c>: every piece of the text is HTML-escaped, and
/// only the marks are markup, so whatever a topic's text holds renders as text.
/// </summary>
public static class SearchMarks
{
    /// <summary>The whole text, marked.</summary>
    public static MarkupString Mark(string text, IReadOnlyList<string> terms) => new(Marked(text, terms));

    /// <summary>A window of the text around the first term found (or its start), marked; the text is flattened to one line.</summary>
    public static MarkupString Snippet(string text, IReadOnlyList<string> terms, int around = 60)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var lower = flat.ToLower(CultureInfo.InvariantCulture);
        var first = terms.Select(t => lower.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - around);
        var end = Math.Min(flat.Length, first + around * 2);
        var window = flat[start..end];
        return new((start > 0 ? "…" : "") + Marked(window, terms) + (end < flat.Length ? "…" : ""));
    }

    private static string Marked(string text, IReadOnlyList<string> terms)
    {
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        // Lower-casing keeps the length of the texts we index (letters, digits, CJK); if it ever did not, mark nothing.
        var marked = new bool[text.Length];
        if (lower.Length == text.Length)
            foreach (var term in terms.Where(t => t.Length > 0))
                for (var at = lower.IndexOf(term, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(term, at + term.Length, StringComparison.Ordinal))
                    Array.Fill(marked, true, at, term.Length);
        var html = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            if (marked[i] && (i == 0 || !marked[i - 1])) html.Append("<mark>");
            Escape(html, text[i]);
            if (marked[i] && (i == text.Length - 1 || !marked[i + 1])) html.Append("</mark>");
        }
        return html.ToString();
    }

    private static void Escape(StringBuilder html, char c) => html.Append(c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => c.ToString(),
    });
}
