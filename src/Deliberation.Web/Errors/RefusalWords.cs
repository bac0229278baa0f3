using System.Globalization;
using Deliberation.Domain;
using Deliberation.Web.Accounts;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Errors;

/// <summary>
/// A refusal in the person's language: its declared words (<see cref="Said"/>, key and parts) looked up as
/// <c>refusal.{key}</c> in the texts, each part said in the same language (a role, an action, a step's name).
/// </summary>
public static class RefusalWords
{
    /// <summary>The refusal in <paramref name="culture"/>'s language, or null when its words are not declared ones.</summary>
    public static string? Say(UiText text, Exception refused, CultureInfo culture)
    {
        if (refused is TextRuleViolation rule) return TextRule(text, rule, culture);
        if (Said.Of(refused) is not { } said || Say(text, said, culture) is not { } words) return null;
        return refused is AccessRefused ? Format(text.Get($"refusal.{WebRefusals.AccessRefused.Key}", culture), words) : words;
    }

    public static string? Say(UiText text, Said said, CultureInfo culture)
    {
        var key = $"refusal.{said.Key}";
        if (said.Key.Length == 0 || !text.HasBoth(key)) return null;
        return Format(text.Get(key, culture), said.Parts.Select(p => (object)Part(text, p, culture)).ToArray());
    }

    /// <summary>A problem an endpoint answers with (not an exception), said in the person's language like the others.</summary>
    public static IResult Problem(int status, string? title, Said said) => new Told(Results.Problem(statusCode: status, title: title, detail: said.Text), said);

    private sealed class Told(IResult problem, Said said) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            Tell(httpContext, said);
            return problem.ExecuteAsync(httpContext);
        }
    }

    /// <summary>Marks the refusal a response is about to write (as plain English) so that it is said in the person's language.</summary>
    public static void Tell(HttpContext http, Said said) => http.Items[typeof(Said)] = said;

    /// <summary>What the response was told to say: set by <see cref="Tell"/>, else the exception's words, else a
    /// detail that is word for word a declared text without parts.</summary>
    public static string? For(HttpContext http, Exception? exception, string? detail, UiText text, CultureInfo culture)
    {
        if (exception is not null) return Say(text, exception, culture);
        if (http.Items[typeof(Said)] is Said said) return Say(text, said, culture);
        return RefusalCatalogue.Saying(detail) is { } known ? Say(text, known, culture) : null;
    }

    /// <summary>A validation problem's messages, each said in the language when it is word for word a declared text.</summary>
    public static void SayEach(IDictionary<string, string[]> errors, UiText text, CultureInfo culture)
    {
        foreach (var (field, messages) in errors.ToList())
            errors[field] = messages.Select(m => RefusalCatalogue.Saying(m) is { } known ? Say(text, known, culture) ?? m : m).ToArray();
    }

    private static string Part(UiText text, RefusalPart part, CultureInfo culture)
    {
        if (Languages.IsEnglish(culture)) return part.Text;
        if (part.Name is { } name) return name.Zh;
        if (part.Terms is not { } terms) return part.Text;
        return terms.Count == 0 ? text.Get($"refusal.{CommonRefusals.Nothing.Key}", culture)
            : string.Join("、", terms.Select(t => text.Get(t, culture)));
    }

    /// <summary>A text rule's refusal, with the field named in the same language (text.field.*).</summary>
    public static string TextRule(UiText text, TextRuleViolation rule, CultureInfo culture)
    {
        var key = $"text.{rule.Problem switch
        {
            TextProblem.Missing => "missing",
            TextProblem.TooLong => "too-long",
            TextProblem.ControlCharacter => "control-character",
            _ => "not-one-line",
        }}";
        var fieldKey = $"text.field.{rule.Field.Replace(' ', '-').Replace("'", "")}";
        var named = text.Get(fieldKey, culture);
        var field = named == fieldKey ? rule.Field : named;
        return Format(text.Get(key, culture), field, rule.MaxLength, rule.Length);
    }

    private static string Format(string template, params object[] parts) => string.Format(CultureInfo.InvariantCulture, template, parts);
}
