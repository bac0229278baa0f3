using System.Globalization;
using System.Text.Json;
using Deliberation.Domain.DecisionRules;
using Deliberation.Web.Accounts;

namespace Deliberation.Web.DecisionRules;

/// <summary>One case in the shape of the test vectors: counts and weights (decimal strings) per group.</summary>
public sealed record EvaluationRequest(
    string? Rule, CountInput? Electorate, CountInput? Present, CountInput? For, CountInput? Against, CountInput? Abstain);

public sealed record CountInput(int Members, JsonElement Weight);

public sealed record EvaluationResult(string Rule, bool Quorum, bool Passes, int? MoreForVotes, string? MoreForWeight);

public sealed record RuleView(string Id, string NameZh, string NameEn);

public static class DecisionRuleEndpoints
{
    public static IEndpointRouteBuilder MapDecisionRules(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/decision-rules").WithTags("Decision rules");

        rules.MapGet("/", () => DecisionRuleCatalog.All.Select(r => new RuleView(r.Id, r.Name.Zh, r.Name.En)))
            .Access(Audience.Public);

        // The rules for the winners of a ballot between options, named when a ballot opens (selectionRuleId).
        rules.MapGet("/selections", () => DecisionRuleCatalog.Selections.Select(r => new RuleView(r.Id, r.Name.Zh, r.Name.En)))
            .Access(Audience.Public);

        // A calculator over no council's data, so anyone may use it: residents learn what a rule means this way.
        rules.MapPost("/evaluate", (EvaluationRequest request) =>
        {
            var errors = new Dictionary<string, string[]>();
            DecisionRule? rule = null;
            if (string.IsNullOrWhiteSpace(request.Rule)) errors["rule"] = ["Name a rule."];
            else if (!DecisionRuleCatalog.TryFind(request.Rule, out rule))
                errors["rule"] = [$"Unknown rule '{request.Rule}'. Known: {string.Join(", ", DecisionRuleCatalog.All.Select(r => r.Id))}."];

            var electorate = Read(request.Electorate, "electorate", errors);
            var present = Read(request.Present, "present", errors);
            var votesFor = Read(request.For, "for", errors);
            var against = Read(request.Against, "against", errors);
            var abstain = Read(request.Abstain, "abstain", errors);
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            Tally tally;
            try
            {
                tally = Tally.Create(electorate!, present!, votesFor!, against!, abstain!);
            }
            catch (ArgumentException invalid)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [invalid.ParamName ?? "tally"] = [invalid.Message] });
            }

            var decision = rule!.Evaluate(tally);
            return Results.Ok(new EvaluationResult(rule.Id, decision.Quorum, decision.Passes,
                decision.Shortfall.MoreForVotes, decision.Shortfall.MoreForWeight?.ToString(CultureInfo.InvariantCulture)));
        }).Access(Audience.Public);

        return app;
    }

    private static Count? Read(CountInput? input, string field, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            errors[field] = ["Missing."];
            return null;
        }
        if (input.Members < 0) errors[$"{field}.members"] = ["Must not be negative."];
        decimal weight;
        var text = input.Weight.ValueKind switch
        {
            JsonValueKind.String => input.Weight.GetString(),
            JsonValueKind.Number => input.Weight.GetRawText(),
            JsonValueKind.Undefined or JsonValueKind.Null => input.Members.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is null || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out weight))
        {
            errors[$"{field}.weight"] = ["Must be a decimal number, such as \"1234.56\"."];
            return null;
        }
        if (weight < 0) errors[$"{field}.weight"] = ["Must not be negative."];
        return errors.Keys.Any(k => k.StartsWith(field, StringComparison.Ordinal)) ? null : new Count(input.Members, weight);
    }
}
