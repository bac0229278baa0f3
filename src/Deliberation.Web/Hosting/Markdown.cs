using Markdig;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Web.Hosting;

/// <summary>Residents' and clerks' Markdown, rendered with raw HTML off so nobody can inject markup into a public page.</summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static MarkupString Render(string? markdown) => new(Markdig.Markdown.ToHtml(markdown ?? "", Pipeline));
}
