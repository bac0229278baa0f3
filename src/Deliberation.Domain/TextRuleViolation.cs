namespace Deliberation.Domain;

public enum TextProblem { Missing, TooLong, ControlCharacter, NotOneLine }

/// <summary>A text broke <see cref="TextRules"/>; the parts are kept so a page can say it in the reader's language.</summary>
public sealed class TextRuleViolation(string field, TextProblem problem, int maxLength, int length)
    : ArgumentException(Describe(field, problem, maxLength, length), field)
{
    public string Field { get; } = field;
    public TextProblem Problem { get; } = problem;
    public int MaxLength { get; } = maxLength;
    public int Length { get; } = length;

    private static string Describe(string field, TextProblem problem, int max, int length) => problem switch
    {
        TextProblem.Missing => $"The {field} is required.",
        TextProblem.TooLong => $"The {field} has at most {max} characters ({length} given).",
        TextProblem.ControlCharacter => $"The {field} holds a control character; only line breaks and tabs are allowed.",
        _ => $"The {field} holds a control character or line break; it is one line of plain text.",
    };
}
