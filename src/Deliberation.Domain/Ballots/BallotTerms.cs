namespace Deliberation.Domain.Ballots;

/// <summary>
/// What is put to the vote and how it is counted, chosen by the chair when opening: a motion (for, against, abstain)
/// when there are no options, otherwise up to <see cref="MaxChoices"/> of the options under a selection rule.
/// The practice is the body's.
/// </summary>
public sealed record BallotTerms(BallotKind Kind, IReadOnlyList<string> Options, int MaxChoices, string? SelectionRuleId, BallotPractice Practice)
{
    public const int MostOptions = 50;

    public static BallotTerms Motion(BallotPractice? practice = null, BallotKind kind = BallotKind.Named) =>
        new(kind, [], 1, null, practice ?? BallotPractice.Default);

    public bool IsMotion => Options.Count == 0;

    /// <summary>Checks the terms and returns them with the options trimmed.</summary>
    public BallotTerms Checked()
    {
        if (!Enum.IsDefined(Kind)) throw BallotRefusals.NoSuchKind.Invalid(nameof(Kind));
        var options = Options.Select(o => TextRules.Required(o, TextKind.Name, "option")).ToList();
        if (options.Count == 0) return this with { Options = [], MaxChoices = 1, SelectionRuleId = null };
        if (options.Count is 1 or > MostOptions) throw BallotRefusals.OptionsCount.With(MostOptions).Invalid(nameof(Options));
        if (options.Distinct(StringComparer.Ordinal).Count() != options.Count) throw BallotRefusals.OptionTwice.Invalid(nameof(Options));
        if (MaxChoices < 1 || MaxChoices >= options.Count)
            throw BallotRefusals.MaxChoices.With(options.Count - 1).Invalid(nameof(MaxChoices));
        if (string.IsNullOrWhiteSpace(SelectionRuleId)) throw BallotRefusals.NameWinnersRule.Invalid(nameof(SelectionRuleId));
        DecisionRules.DecisionRuleCatalog.FindSelection(SelectionRuleId);
        return this with { Options = options };
    }
}
