using System.Globalization;
using System.Text.Json;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Tests.DecisionRules;

/// <summary>Runs every shared test vector as its own test, named by the case id.</summary>
public class DecisionRuleVectorTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "DecisionRules", "decision-rules.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.Clone());
    });

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys) data.Add(id);
        return data;
    }

    [Fact]
    public void AllVectorsAreLoaded() => Assert.Equal(214, Cases.Value.Count);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void RuleDecidesAsTheVectorExpects(string caseId)
    {
        var vector = Cases.Value[caseId];
        var rule = DecisionRuleCatalog.Find(vector.GetProperty("rule").GetString()!);
        var tally = Tally.Create(
            CountOf(vector, "electorate"), CountOf(vector, "present"), CountOf(vector, "for"),
            CountOf(vector, "against"), CountOf(vector, "abstain"));

        var decision = rule.Evaluate(tally);

        var expect = vector.GetProperty("expect");
        Assert.Equal(expect.GetProperty("quorum").GetBoolean(), decision.Quorum);
        Assert.Equal(expect.GetProperty("passes").GetBoolean(), decision.Passes);
    }

    private static Count CountOf(JsonElement vector, string name)
    {
        var count = vector.GetProperty(name);
        return new Count(
            count.GetProperty("members").GetInt32(),
            decimal.Parse(count.GetProperty("weight").GetString()!, CultureInfo.InvariantCulture));
    }
}
