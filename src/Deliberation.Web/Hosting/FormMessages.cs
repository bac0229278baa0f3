using Deliberation.Domain;
using Deliberation.Web.Grains;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Hosting;

/// <summary>
/// A refusal as the person at the form reads it: the text rules' refusals in the page's language (they are the ones a
/// person meets while typing); the others as the domain words them.
/// </summary>
public static class FormMessages
{
    private static readonly UiText Text = new();

    public static string For(Exception refused) => refused is TextRuleViolation text
        ? Text.Format($"text.{text.Problem switch
        {
            TextProblem.Missing => "missing",
            TextProblem.TooLong => "too-long",
            TextProblem.ControlCharacter => "control-character",
            _ => "not-one-line",
        }}", FieldName(text.Field), text.MaxLength, text.Length)
        : Refusals.Find(refused)?.Code is { } code && Text[$"form.{code}"] is var said && said != $"form.{code}" ? said
        : refused.Message;

    private static string FieldName(string field)
    {
        var key = $"text.field.{field.Replace(' ', '-').Replace("'", "")}";
        var name = Text[key];
        return name == key ? field : name;
    }
}
