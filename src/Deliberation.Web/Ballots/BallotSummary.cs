using Deliberation.Domain.Ballots;

namespace Deliberation.Web.Ballots;

/// <summary>A ballot's catalogue row (the <c>streams</c> summary): written by its grain, read to find a meeting's or an item's ballots.</summary>
public sealed record BallotSummary(string Id, string MeetingId, string ItemId, BallotStatus Status)
{
    public static BallotSummary Of(Ballot ballot) => new(ballot.Id, ballot.MeetingId, ballot.ItemId, ballot.Status);
}
