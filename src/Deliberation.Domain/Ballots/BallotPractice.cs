namespace Deliberation.Domain.Ballots;

/// <summary>
/// A body's own ballot practice, beside its decision rule: whether a member may change their vote while the ballot is
/// open (the last vote counts), and whether a member represented by a proxy counts toward the quorum. Recorded by
/// each ballot when it opens, so a change to the body later does not change a count already under way.
/// </summary>
public sealed record BallotPractice(bool VotesMayChange = false, bool ProxiesCountTowardQuorum = true)
{
    public static BallotPractice Default { get; } = new();
}
