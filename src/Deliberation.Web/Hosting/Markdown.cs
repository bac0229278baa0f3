using Markdig;
using Markdig.Renderers;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Web.Hosting;

/// <summary>
/// The one renderer for residents' and clerks' Markdown. Raw HTML is off and every link or image whose address is not
/// http, https, mailto or relative loses it (see <see cref="SafeLinks"/>), so nobody can put script into a public page;
/// the Content-Security-Policy is the second wall, not the only one.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static MarkupString Render(string? markdown) => new(ToHtml(markdown));

    public static string ToHtml(string? markdown)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        SafeLinks.Apply(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
