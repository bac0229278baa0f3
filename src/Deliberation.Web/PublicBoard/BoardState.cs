using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;

namespace Deliberation.Web.PublicBoard;

/// <summary>
/// An item folded as its grain folds it, plus what only the board keeps: when it became public and each resolution's
/// count (the aggregate keeps neither; the timeline reads them from the log).
/// </summary>
internal sealed class BoardState
{
    private readonly List<BoardVote> _votes = [];

    private BoardState() { }

    public AgendaItem Item { get; } = AgendaItem.Replay([]);
    public DateTimeOffset? DisclosedAt { get; private set; }
    public DateTimeOffset LastAt { get; private set; }

    /// <summary>The text whose tokens are in the index, as this node last wrote them (null: not known, write them).</summary>
    public string? Indexed { get; set; }

    public static BoardState Fold(BoardState? state, EventEnvelope e)
    {
        state ??= new BoardState();
        var decoded = EventCodec<AgendaItemEvent>.Instance.Decode(e);
        state.Item.Apply(decoded);
        state.LastAt = e.OccurredAt;
        if (state.Item.IsPublic) state.DisclosedAt ??= e.OccurredAt;
        switch (decoded)
        {
            case ResolutionAdopted r: state.Vote(r.StepId, r.DecisionRuleId, r.Tally, r.Quorum, r.MeetingId, true, e.OccurredAt); break;
            case ResolutionRejected r: state.Vote(r.StepId, r.DecisionRuleId, r.Tally, r.Quorum, r.MeetingId, false, e.OccurredAt); break;
        }
        return state;
    }

    /// <summary>The board's row, or null while the item is not public.</summary>
    public BoardDecision? Decision()
    {
        if (!Item.IsPublic || DisclosedAt is not { } disclosed) return null;
        var step = Item.Status == AgendaItemStatus.InProcess && Item.Template is { } template
            && Item.CurrentStepIndex >= 0 && Item.CurrentStepIndex < template.Steps.Count ? template.Steps[Item.CurrentStepIndex] : null;
        return new BoardDecision(Item.Id, Item.CouncilId, Item.Title, Item.Text, Item.Category, Item.Place,
            Item.Status.ToString(), Item.Outcome?.ToString(),
            step?.Id ?? BoardStages.OfStatus(Item.Status), step?.Name.Zh, step?.Name.En,
            _votes.Count == 0 ? null : _votes[^1].BodyId, disclosed, LastAt,
            Item.Proposals.Count == 0 ? null : Item.Proposals[^1].Text, Item.Result, _votes.ToList());
    }

    private void Vote(string stepId, string ruleId, Domain.DecisionRules.Tally tally, bool quorum, string? meetingId, bool adopted, DateTimeOffset at)
    {
        var step = Item.Template?.Steps.FirstOrDefault(s => s.Id == stepId);
        _votes.Add(new BoardVote(stepId, step?.Name.Zh, step?.Name.En, step?.Body, ruleId, adopted, quorum,
            Count(tally.Electorate), Count(tally.Present), Count(tally.For), Count(tally.Against), Count(tally.Abstain), meetingId, at));
    }

    private static BoardCount Count(Domain.DecisionRules.Count count) => new(count.Members, count.Weight);
}

/// <summary>Where a decision stands, as the board's step filter names it: a step's id, or the item's status when it is at none.</summary>
public static class BoardStages
{
    public const string StatusPrefix = "status-";

    public static string OfStatus(AgendaItemStatus status) => StatusPrefix + status.ToString().ToLowerInvariant();
}
