using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deliberation.Domain.DecisionRules;

/// <summary>The file shape of a rule; thresholds are written "moreThan": "1/2" or "atLeast": "2/3".</summary>
internal sealed record DecisionRuleJson(
    string Id, LocalizedText Name, IReadOnlyList<ConditionJson> Quorum, IReadOnlyList<ConditionJson> Passing,
    CountingUnit CountsBy = CountingUnit.Members)
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static DecisionRule ToRule(DecisionRuleJson json) =>
        new(json.Id, json.Name, json.Quorum.Select(c => c.ToCondition(json.Id)).ToList(),
            json.Passing.Select(c => c.ToCondition(json.Id)).ToList(), json.CountsBy);
}

internal sealed record ConditionJson(Measure Measure, Counted Count, Base Of, string? MoreThan, string? AtLeast)
{
    public DecisionCondition ToCondition(string ruleId) => (MoreThan, AtLeast) switch
    {
        ({ } more, null) => new(Measure, Count, Of, Comparison.MoreThan, Fraction.Parse(more)),
        (null, { } least) => new(Measure, Count, Of, Comparison.AtLeast, Fraction.Parse(least)),
        _ => throw new FormatException($"Rule '{ruleId}': a condition needs exactly one of moreThan or atLeast."),
    };
}

internal sealed record SelectionRuleJson(string Id, LocalizedText Name, Measure Measure, SelectionBase Of, string? MoreThan, string? AtLeast)
{
    public SelectionRule ToRule() => (MoreThan, AtLeast) switch
    {
        (null, null) => new(Id, Name, Measure, Of, null, null),
        ({ } more, null) => new(Id, Name, Measure, Of, Comparison.MoreThan, Fraction.Parse(more)),
        (null, { } least) => new(Id, Name, Measure, Of, Comparison.AtLeast, Fraction.Parse(least)),
        _ => throw new FormatException($"Selection rule '{Id}': give at most one of moreThan or atLeast."),
    };
}
