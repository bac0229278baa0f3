using System.Globalization;

namespace Deliberation.Domain;

/// <summary>
/// One refusal's words, declared once under a stable key. The English is said here, so logs, tests and programs that
/// ask for no language read the same as before; the web says it in the person's language from its texts
/// (<c>refusal.{Key}</c>). {0}, {1} ... are the parts named by <see cref="With"/>. A test finds every declared text and
/// checks that both languages exist with the same parts, so a refusal cannot ship untranslated.
/// </summary>
public sealed record RefusalText(string Key, string English)
{
    public Said With(params object?[] parts) => new(Key, English, parts.Select(RefusalPart.Of).ToArray());

    /// <summary>The refusal as a bad request: an <see cref="ArgumentException"/> that carries these words.</summary>
    public ArgumentException Invalid(string? paramName = null) => With().Invalid(paramName);

    public static implicit operator Said(RefusalText text) => text.With();

    /// <summary>The text used as a part of another (a phrase such as "open the meeting"), translated with it.</summary>
    public RefusalPart AsPart() => new(English, [$"refusal.{Key}"]);
}

/// <summary>
/// A part of a refusal: as English says it, and, when it is one of the council's words rather than a number, the keys
/// of the texts that say it in each language (joined as a list; none at all reads "nothing"), or, for a name the
/// council gave in both languages (a step of its process), that name.
/// </summary>
public sealed record RefusalPart(string Text, IReadOnlyList<string>? Terms = null, LocalizedText? Name = null)
{
    public static RefusalPart Of(object? part) => part switch
    {
        null => new(""),
        RefusalPart p => p,
        RefusalText t => t.AsPart(),
        IFormattable f => new(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new(part.ToString() ?? ""),
    };

    /// <summary>Words of the council as English lists them, each said in the reader's language by its text key.</summary>
    public static RefusalPart Listed(string english, IEnumerable<string> keys) => new(english, keys.ToArray());

    /// <summary>Roles as "Chair or Clerk", each said by its name on the site (role.*).</summary>
    public static RefusalPart Roles(IEnumerable<Councils.CouncilRole> roles)
    {
        var list = roles.ToList();
        return Listed(string.Join(" or ", list), list.Select(r => $"role.{r}"));
    }
}

/// <summary>A refusal said: its declared text and the parts for this occasion. It crosses between silos with the exception.</summary>
public sealed record Said(string Key, string English, IReadOnlyList<RefusalPart> Parts)
{
    private const string DataKey = "Deliberation.Refusal";

    /// <summary>In English, as the exception's message says it.</summary>
    public string Text => Parts.Count == 0 ? English
        : string.Format(CultureInfo.InvariantCulture, English, Parts.Select(p => (object)p.Text).ToArray());

    public ArgumentException Invalid(string? paramName = null) => Stamp(new ArgumentException(Text, paramName));

    /// <summary>Marks the exception as telling these words (kept in its <see cref="Exception.Data"/>, so that a
    /// program that expects an <see cref="ArgumentException"/> still gets exactly one).</summary>
    public T Stamp<T>(T exception) where T : Exception
    {
        exception.Data[DataKey] = this;
        return exception;
    }

    /// <summary>The words this exception tells, or null when it tells none of ours.</summary>
    public static Said? Of(Exception exception) => exception.Data[DataKey] as Said;

    /// <summary>A refusal's message carried as it is, when it came without its words.</summary>
    public static Said Verbatim(string message) => new("", message, []);
}
