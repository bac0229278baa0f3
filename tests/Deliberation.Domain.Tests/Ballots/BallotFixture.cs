using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Tests.Ballots;

/// <summary>Five on the roll of "body"; a, b, c present; c also stands for the absent d; e is absent.</summary>
internal static class BallotFixture
{
    public static readonly Actor Chair = new("chair", [new RoleGrant(CouncilRole.Chair, null, 1)]);
    public static readonly DecisionRule Majority = DecisionRuleCatalog.Find("simple-majority");

    public static Actor Member(string id) => new(id, [new RoleGrant(CouncilRole.Member, "body", 1)]);

    public static IReadOnlyList<BallotVoter> Voters { get; } =
        [new("a", 1, "a"), new("b", 1, "b"), new("c", 1, "c"), new("d", 1, "c")];

    public static Ballot Open(BallotTerms terms, DecisionRule? rule = null, IReadOnlyList<BallotVoter>? voters = null, Count? electorate = null) =>
        Ballot.Open(Chair, "ballot-1", "lakeside", "meeting-1", "item-1", "body", rule ?? Majority, electorate ?? new Count(5, 5),
            voters ?? Voters, terms).Ballot;

    public static BallotTerms Options(int maxChoices, string rule, params string[] options) =>
        new(BallotKind.Named, options, maxChoices, rule, BallotPractice.Default);
}
