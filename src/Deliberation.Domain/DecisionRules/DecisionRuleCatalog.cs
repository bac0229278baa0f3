using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Deliberation.Domain.DecisionRules;

/// <summary>The decision rules a body can be given, read from the embedded decision-rules.json.</summary>
public static class DecisionRuleCatalog
{
    private static readonly Lazy<IReadOnlyList<DecisionRule>> Rules = new(Load);

    public static IReadOnlyList<DecisionRule> All => Rules.Value;

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

    private static IReadOnlyList<DecisionRule> Load()
    {
        using var stream = typeof(DecisionRuleCatalog).Assembly.GetManifestResourceStream(
            "Deliberation.Domain.DecisionRules.decision-rules.json")
            ?? throw new InvalidOperationException("The embedded decision-rules.json is missing.");
        var file = JsonSerializer.Deserialize<RuleFile>(stream, DecisionRuleJson.Options)
            ?? throw new InvalidOperationException("decision-rules.json is empty.");
        return file.Rules.Select(DecisionRuleJson.ToRule).ToList();
    }

    private sealed record RuleFile(IReadOnlyList<DecisionRuleJson> Rules);
}
