using System.Globalization;
using System.Text.Json;

namespace Deliberation.Web.Localization;

/// <summary>
/// The interface's words in Simplified Chinese (first) and English, kept as data in <c>ui-text.json</c> files
/// (one in Localization/ for the shared words, one in a feature's folder for its own).
/// A missing key shows as the key itself, so a gap is visible rather than blank.
/// </summary>
public sealed class UiText
{
    private readonly Dictionary<string, Dictionary<string, string>> _entries;

    public UiText()
    {
        // Each feature folder may keep its own words beside its pages (Minutes/ui-text.json ...): one file per
        // capability, and a key defined twice is a mistake found at start rather than a silent override.
        _entries = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var assembly = typeof(UiText).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.EndsWith("ui-text.json", StringComparison.Ordinal)).ToList();
        if (names.Count == 0) throw new InvalidOperationException("No ui-text.json is embedded.");
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"{name} is empty.");
            foreach (var (key, texts) in entries)
                if (!_entries.TryAdd(key, texts))
                    throw new InvalidOperationException($"The text '{key}' is defined twice ({name}).");
        }
    }

    public string this[string key] => Get(key, CultureInfo.CurrentUICulture);

    public string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public string Get(string key, CultureInfo culture)
    {
        if (!_entries.TryGetValue(key, out var texts)) return key;
        var language = Languages.IsEnglish(culture) ? "en" : "zh";
        return texts.TryGetValue(language, out var text) ? text : texts.GetValueOrDefault("zh", key);
    }

    public IEnumerable<string> Keys => _entries.Keys;

    public bool HasBoth(string key) =>
        _entries.TryGetValue(key, out var texts) && texts.ContainsKey("zh") && texts.ContainsKey("en");
}

public static class Languages
{
    public const string Chinese = "zh-Hans";
    public const string English = "en";

    public static readonly string[] Supported = [Chinese, English];

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The lang attribute for the page: screen readers pick their voice from it.</summary>
    public static string HtmlLang => IsEnglish(CultureInfo.CurrentUICulture) ? "en" : "zh-Hans";

    /// <summary>Picks the Chinese or English half of a two-language text from the domain.</summary>
    public static string Pick(string zh, string en) => IsEnglish(CultureInfo.CurrentUICulture) ? en : zh;
}
