using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;

namespace Deliberation.Web.Ballots;

/// <summary>A ballot as one viewer sees it: their own votes while it is open, everyone's (when named) once closed.</summary>
internal static class BallotProjection
{
    public static BallotView View(Ballot ballot, Actor? viewer, bool? recordedOnItem)
    {
        var closed = ballot.Status == BallotStatus.Closed;
        var theirs = viewer is null || closed ? [] : ballot.Voters.Where(v => v.MayBeCastBy(viewer.UserId)).ToList();
        var mine = theirs.Where(v => !ballot.HasVoted(v.UserId)).Select(v => v.UserId).ToList();
        var changeable = ballot.Practice.VotesMayChange && ballot.Kind != BallotKind.Paper
            ? theirs.Where(v => ballot.VoteOf(v.UserId) is not null).Select(v => v.UserId).ToList()
            : [];
        var yours = theirs.Select(v => ballot.VoteOf(v.UserId)).OfType<VoteCast>().Select(Named).ToList();
        var votes = closed && ballot.Kind == BallotKind.Named
            ? ballot.Votes.OrderBy(v => v.VoterId, StringComparer.Ordinal).Select(Named).ToList()
            : [];
        return new BallotView(ballot.Id, ballot.CouncilId, ballot.MeetingId, ballot.ItemId, ballot.BodyId, ballot.DecisionRuleId,
            ballot.Kind.ToString(), ballot.Status.ToString(), ballot.Voters.Count, ballot.VotesIn, mine, Result(ballot), votes, recordedOnItem,
            ballot.Options, ballot.MaxChoices, ballot.SelectionRuleId, ballot.Practice.VotesMayChange, ballot.Practice.ProxiesCountTowardQuorum,
            changeable, yours) { NamedVotes = votes.Count };
    }

    private static NamedVoteView Named(VoteCast v) => new(v.VoterId, v.Choice.ToString(), v.CastBy, v.Options);

    private static BallotResultView? Result(Ballot ballot)
    {
        if (ballot.Result is not { } r) return null;
        var t = r.Tally;
        var options = r.Options?.Select(o => new OptionResultView(o.Option, o.Count.Members, o.Count.Weight, r.Elected?.Contains(o.Option) == true)).ToList();
        return new BallotResultView(t.For.Members, t.For.Weight, t.Against.Members, t.Against.Weight, t.Abstain.Members, t.Abstain.Weight,
            t.Present.Members, t.Present.Weight, t.Electorate.Members, t.Electorate.Weight, r.Quorum, r.Passes,
            t.QuorumPresent?.Members, t.QuorumPresent?.Weight, options,
            ballot.HandCount is { } h ? new HandCountView(h.CountedBy) : null);
    }
}
