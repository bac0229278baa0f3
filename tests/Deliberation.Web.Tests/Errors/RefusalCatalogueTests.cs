using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;
using Deliberation.Web.Errors;
using Deliberation.Web.Grains;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Tests.Errors;

/// <summary>
/// Every refusal text is declared once, with a stable key, and said in both languages with the same parts: a refusal
/// cannot ship untranslated.
/// </summary>
public sealed partial class RefusalCatalogueTests
{
    private static readonly UiText Text = new();
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(Languages.Chinese);

    [Fact]
    public void EveryDeclaredRefusalIsSaidInBothLanguagesWithTheSameParts()
    {
        Assert.True(RefusalCatalogue.All.Count > 200, $"Only {RefusalCatalogue.All.Count} refusal texts were found.");

        var gaps = RefusalCatalogue.All.Where(t => !Text.HasBoth($"refusal.{t.Key}")).Select(t => t.Key).ToList();
        var drifted = RefusalCatalogue.All.Where(t => Text.HasBoth($"refusal.{t.Key}"))
            .Where(t => Text.Get($"refusal.{t.Key}", CultureInfo.GetCultureInfo(Languages.English)) != t.English).Select(t => t.Key).ToList();
        var mismatched = RefusalCatalogue.All.Where(t => Text.HasBoth($"refusal.{t.Key}"))
            .Where(t => !Parts(t.English).SequenceEqual(Parts(Text.Get($"refusal.{t.Key}", Chinese)))).Select(t => t.Key).ToList();

        Assert.True(gaps.Count == 0, $"Not in Errors/Refusals/ui-text.json: {string.Join(", ", gaps)}");
        Assert.True(drifted.Count == 0, $"The English in ui-text.json is not the declared English: {string.Join(", ", drifted)}");
        Assert.True(mismatched.Count == 0, $"The Chinese has other parts than the English: {string.Join(", ", mismatched)}");
    }

    [Fact]
    public void EachKeyIsDeclaredOnceAndEveryRefusalTextIsDeclared()
    {
        var keys = RefusalCatalogue.All.Select(t => t.Key).ToList();
        var declared = keys.Select(k => $"refusal.{k}").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.DoesNotContain(Text.Keys, k => k.StartsWith("refusal.", StringComparison.Ordinal) && !declared.Contains(k));
    }

    [Fact]
    public void EveryRefusalTypeOfTheDomainIsMadeOnlyFromDeclaredWords()
    {
        // The refusal types take their words (a declared text with its parts), never a free message, so every throw of
        // one names a declared text: the compiler holds the rest to it.
        var refusals = typeof(NotPermitted).Assembly.GetExportedTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract && t != typeof(TextRuleViolation)).ToList();

        Assert.NotEmpty(refusals);
        Assert.All(refusals, t => Assert.All(t.GetConstructors(), c =>
            Assert.True(c.GetParameters().Any(p => p.ParameterType == typeof(Said)), $"{t.Name} can be made without declared words.")));
        Assert.All(refusals, t => Assert.True(Refusals.Carries(t), $"{t.Name} is not in Refusals."));
    }

    [Fact]
    public void AnActionNotAllowedAtItsStepIsToldInChineseWithTheStepsNameAndWhatIsAllowed()
    {
        var step = new ProcessStep("review", StepKind.Review, new LocalizedText("街道审核", "Town review"), CouncilRole.Reviewer);
        var refused = new ProcessRuleViolation(ItemRefusals.NotAtThisStep.With(ProcessRuleViolation.Action(ItemAction.Accept), 4,
            new RefusalPart(step.Id, Name: step.Name), ItemRefusals.StepKinds[step.Kind],
            ProcessRuleViolation.Allowed([ItemAction.ApproveReview, ItemAction.ReturnReview])), [ItemAction.ApproveReview, ItemAction.ReturnReview]);

        var chinese = RefusalWords.Say(Text, refused, Chinese);

        Assert.Equal("Cannot accept: the item is at step 4 'review' (Review). Allowed now: approve-review, return-review.", refused.Message);
        Assert.Equal("此议题现处于第4步“街道审核”（审核），不能“受理”。现在可以：审核通过、退回重新商议。", chinese);
    }

    [Fact]
    public void ARefusalKeepsItsWordsAcrossSilosAndNothingAllowedReadsNothing()
    {
        var sent = new BallotRuleViolation(BallotRefusals.MarkAtMost.With(2));
        var kind = Refusals.Find(sent)!;

        var received = kind.Rebuild(Refusals.WireOf(sent));

        Assert.Equal("最多勾选 2 个选项。", RefusalWords.Say(Text, received, Chinese));
        Assert.Equal("Mark at most 2 of the options.", received.Message);
        var none = new ProcessRuleViolation(ItemRefusals.NotInProcess.With(ProcessRuleViolation.Action(ItemAction.Close),
            new RefusalPart("closed", ["status.Closed"]), ProcessRuleViolation.Allowed([])), []);
        Assert.Equal("此议题已办结，不能“办结”。现在可以：无。", RefusalWords.Say(Text, none, Chinese));
    }

    private static IReadOnlyList<string> Parts(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
