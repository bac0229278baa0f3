using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Deliberation.Web.Tests.Hosting;

public static class Html
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static string AntiforgeryToken(string html) =>
        Parse(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The form has no antiforgery token.");
}
