using Deliberation.Domain.DecisionRules;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Ballots;

/// <summary>
/// Whose vote a set of vote buttons casts, as its legend says: the viewer's own; their household's, where the body's
/// rule counts households (kept under whichever member of it the ballot names); or, as proxy, an absent member's.
/// </summary>
public static class VoteLegend
{
    public static string For(BallotView ballot, string voterId, string? viewerId, UiText text, Func<string, string> nameOf)
    {
        if (CountsHouseholds(ballot)) return text["ballot.household-vote"];
        return voterId == viewerId ? text["ballot.your-vote"] : text.Format("ballot.proxy-vote", nameOf(voterId));
    }

    public static bool CountsHouseholds(BallotView ballot) =>
        DecisionRuleCatalog.TryFind(ballot.DecisionRuleId, out var rule) && rule.CountsBy == CountingUnit.Households;
}
