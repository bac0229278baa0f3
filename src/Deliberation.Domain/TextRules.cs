namespace Deliberation.Domain;

/// <summary>What kind of text a field holds, which decides how long it may be and whether it may span lines.</summary>
public enum TextKind
{
    /// <summary>A person's, body's, place's or party's name, an id, a category: one line.</summary>
    Name,

    /// <summary>A title: one line.</summary>
    Title,

    /// <summary>A note, reason or opinion: a few paragraphs.</summary>
    Note,

    /// <summary>A topic's text, a proposal, a summary or report: a page or so.</summary>
    Body,
}

/// <summary>
/// The one place text is checked before it goes into the permanent record: it is bounded in length and holds no control
/// characters (a NUL or an escape code in the log would be there for good, in every copy and every printout).
/// </summary>
public static class TextRules
{
    public static int MaxLength(TextKind kind) => kind switch
    {
        TextKind.Name => 100,
        TextKind.Title => 200,
        TextKind.Note => 2_000,
        TextKind.Body => 20_000,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Line breaks and tabs are allowed only where a text may span lines.</summary>
    public static bool IsMultiLine(TextKind kind) => kind is TextKind.Note or TextKind.Body;

    /// <summary>The text, trimmed; refuses it (naming the field) when it is too long or holds a control character.</summary>
    public static string Check(string? value, TextKind kind, string field)
    {
        var text = (value ?? "").Trim();
        var max = MaxLength(kind);
        if (text.Length > max) throw new TextRuleViolation(field, TextProblem.TooLong, max, text.Length);
        foreach (var c in text)
        {
            if (IsMultiLine(kind) && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
                throw new TextRuleViolation(field, IsMultiLine(kind) ? TextProblem.ControlCharacter : TextProblem.NotOneLine, max, text.Length);
        }
        return text;
    }

    /// <summary>As <see cref="Check"/>, and refuses an empty text.</summary>
    public static string Required(string? value, TextKind kind, string field) => string.IsNullOrWhiteSpace(value)
        ? throw new TextRuleViolation(field, TextProblem.Missing, MaxLength(kind), 0)
        : Check(value, kind, field);

    /// <summary>As <see cref="Check"/> for a text that may be left out: null stays null.</summary>
    public static string? Optional(string? value, TextKind kind, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Check(value, kind, field);
}
