using System.Text.RegularExpressions;
using Deliberation.Domain.AgendaItems;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Tests.Localization;

/// <summary>Every word the interface shows exists in Chinese and in English.</summary>
public sealed partial class UiTextTests
{
    private static readonly UiText Text = new();

    [Fact]
    public void EveryEntryHasBothLanguages() =>
        Assert.All(Text.Keys, key => Assert.True(Text.HasBoth(key), $"'{key}' lacks zh or en"));

    [Fact]
    public void EveryKeyThePagesUseExists()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Deliberation.Web"));
        var used = Directory.EnumerateFiles(source, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, use => Assert.True(Text.Keys.Contains(use.Key), $"{use.File} uses '{use.Key}', which ui-text.json lacks"));
    }

    [Fact]
    public void EveryItemActionAndEventHasAName()
    {
        foreach (var action in Enum.GetValues<ItemAction>())
            Assert.Contains($"action.{action.ToKebabCase()}", Text.Keys);
        foreach (var type in typeof(AgendaItemEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AgendaItemEvent))))
            Assert.Contains($"event.{type.Name}", Text.Keys);
    }

    [GeneratedRegex("""T\["([a-z0-9.\-]+)"\]""")]
    private static partial Regex LiteralKey();
}
