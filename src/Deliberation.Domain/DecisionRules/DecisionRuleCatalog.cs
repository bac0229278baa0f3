using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Deliberation.Domain.DecisionRules;

/// <summary>The decision rules a body can be given, read from the embedded decision-rules.json.</summary>
public static class DecisionRuleCatalog
{
    private static readonly Lazy<RuleFile> File = new(Load);

    public static IReadOnlyList<DecisionRule> All => File.Value.Rules;

    /// <summary>The rules for the winners of a multi-option ballot.</summary>
    public static IReadOnlyList<SelectionRule> Selections => File.Value.Selections;

    public static SelectionRule FindSelection(string id) =>
        Selections.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal))
        ?? throw new ArgumentException(
            $"Unknown selection rule '{id}'. Known rules: {string.Join(", ", Selections.Select(r => r.Id))}.", nameof(id));

    public static DecisionRule Find(string id) =>
        TryFind(id, out var rule)
            ? rule
            : throw new ArgumentException(
                $"Unknown decision rule '{id}'. Known rules: {string.Join(", ", All.Select(r => r.Id))}.", nameof(id));

    public static bool TryFind(string id, [NotNullWhen(true)] out DecisionRule? rule)
    {
        rule = All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
        return rule is not null;
    }

    private static RuleFile Load()
    {
        using var stream = typeof(DecisionRuleCatalog).Assembly.GetManifestResourceStream(
            "Deliberation.Domain.DecisionRules.decision-rules.json")
            ?? throw new InvalidOperationException("The embedded decision-rules.json is missing.");
        var file = JsonSerializer.Deserialize<FileJson>(stream, DecisionRuleJson.Options)
            ?? throw new InvalidOperationException("decision-rules.json is empty.");
        return new RuleFile(file.Rules.Select(DecisionRuleJson.ToRule).ToList(),
            (file.Selections ?? []).Select(s => s.ToRule()).ToList());
    }

    private sealed record FileJson(IReadOnlyList<DecisionRuleJson> Rules, IReadOnlyList<SelectionRuleJson>? Selections);

    private sealed record RuleFile(IReadOnlyList<DecisionRule> Rules, IReadOnlyList<SelectionRule> Selections);
}
