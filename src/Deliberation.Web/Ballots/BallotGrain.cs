using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;

namespace Deliberation.Web.Ballots;

/// <summary>
/// A ballot's own activation: votes are taken one at a time, and a vote is acknowledged only once its event is durable,
/// so an acknowledged vote is never lost and a resend is never counted twice.
/// </summary>
public sealed class BallotGrain(IEventLog log, TimeProvider clock, MeetingPush push) : AggregateGrain<Ballot, BallotEvent>(log), IBallotGrain
{
    public const string Category = "ballot";

    // Whether the ballot's item is disclosed, so the public sees its pushes; an item is disclosed only after its vote,
    // so this is asked once per activation and again at closing, not on every vote.
    private bool? _itemPublic;

    protected override string StreamId => $"{Category}-{GrainKey}";

    protected override Ballot? Rebuild(IReadOnlyList<BallotEvent> events) => events.Count == 0 ? null : Ballot.Replay(events);

    protected override StreamSummary Summarize(Ballot ballot, DateTimeOffset now) => new(StreamId, Category, ballot.CouncilId, 0,
        JsonSerializer.Serialize(new { ballot.Id, ballot.MeetingId, ballot.ItemId, Status = ballot.Status.ToString() }, EventJson.Options), now);

    public async Task<BallotView> OpenAsync(BallotSetup setup, Actor by)
    {
        if (Current is not null) throw new ArgumentException($"Ballot '{GrainKey}' already exists.");
        var (ballot, events) = Ballot.Open(by, GrainKey, setup.CouncilId, setup.MeetingId, setup.ItemId, setup.BodyId,
            DecisionRuleCatalog.Find(setup.DecisionRuleId), setup.Electorate, setup.Voters);
        await CommitAsync(ballot, events, by.UserId, clock.GetUtcNow());
        await PushAsync(ballot);
        return View(ballot, by, null);
    }

    public async Task<VoteReceipt> CastAsync(string councilId, CastVote vote, Actor by)
    {
        var ballot = Draft() is { } draft && draft.CouncilId == councilId ? draft : throw new NotFound("There is no such ballot.");
        var choice = vote.Choice ?? throw new ArgumentException("Choose for, against or abstain.", nameof(vote.Choice));
        var events = ballot.Cast(by, vote.VoterId, choice, vote.ClientVoteId ?? "");
        await CommitAsync(ballot, events, by.UserId, clock.GetUtcNow());
        if (events.Count > 0) await PushAsync(ballot);
        var voterId = vote.VoterId ?? by.UserId;
        return new VoteReceipt(GrainKey, voterId, choice, vote.ClientVoteId!.Trim(), events.Count > 0, ballot.Votes.Count);
    }

    public async Task<BallotView> CloseAsync(string councilId, Actor by)
    {
        var ballot = Draft() is { } draft && draft.CouncilId == councilId ? draft : throw new NotFound("There is no such ballot.");
        await CommitAsync(ballot, ballot.Close(by, DecisionRuleCatalog.Find(ballot.DecisionRuleId)), by.UserId, clock.GetUtcNow());
        var recorded = await RecordOnItemAsync(ballot, by);
        _itemPublic = null;
        await PushAsync(ballot);
        return View(ballot, by, recorded);
    }

    public async Task<BallotView?> GetAsync(string councilId, Actor? viewer)
    {
        if (Current is not { } ballot || ballot.CouncilId != councilId) return null;
        // Insiders follow a ballot live; the public sees it once its item is disclosed, as it sees the item.
        if (viewer is not { Roles.Count: > 0 } && await GrainFactory.GetGrain<IAgendaItemGrain>(ballot.ItemId).GetAsync(councilId, viewer) is null)
            return null;
        return View(ballot, viewer, null);
    }

    /// <summary>
    /// The count goes to the item when it is at a vote of this ballot's body; otherwise (a consultation vote, or another
    /// body's turn) it stays with the ballot. The ballot is closed and durable first, so a refusal here loses nothing: the clerk can record it.
    /// </summary>
    private async Task<bool> RecordOnItemAsync(Ballot ballot, Actor by)
    {
        var t = ballot.Result!.Tally;
        var command = new RecordResolution(Body(t.Present), Body(t.For), Body(t.Against), Body(t.Abstain), ballot.MeetingId, ballot.BodyId);
        try
        {
            await GrainFactory.GetGrain<IAgendaItemGrain>(ballot.ItemId).ActAsync(ballot.CouncilId, command, by);
            return true;
        }
        // The ballot is closed whatever happens here: the caller must hear that, not an error about the item.
        catch (Exception e) when (e is ProcessRuleViolation or NotPermitted or ArgumentException or NotFound
            or StreamConcurrencyException or InvalidOperationException) { return false; }
    }

    private async Task PushAsync(Ballot ballot)
    {
        _itemPublic ??= await GrainFactory.GetGrain<IAgendaItemGrain>(ballot.ItemId).GetAsync(ballot.CouncilId, null) is not null;
        await push.BallotChangedAsync(View(ballot, null, null), _itemPublic.Value);
    }

    private static CountBody Body(Count count) => new(count.Members, count.Weight);

    private static BallotView View(Ballot ballot, Actor? viewer, bool? recordedOnItem)
    {
        var closed = ballot.Status == BallotStatus.Closed;
        var mine = viewer is null || closed ? [] : ballot.Voters
            .Where(v => v.CastBy == viewer.UserId && ballot.Votes.All(x => x.VoterId != v.UserId)).Select(v => v.UserId).ToList();
        var result = ballot.Result is { } r ? new BallotResultView(r.Tally.For.Members, r.Tally.For.Weight, r.Tally.Against.Members,
            r.Tally.Against.Weight, r.Tally.Abstain.Members, r.Tally.Abstain.Weight, r.Tally.Present.Members, r.Tally.Present.Weight,
            r.Tally.Electorate.Members, r.Tally.Electorate.Weight, r.Quorum, r.Passes) : null;
        var votes = closed && ballot.Kind == BallotKind.Named
            ? ballot.Votes.OrderBy(v => v.VoterId, StringComparer.Ordinal).Select(v => new NamedVoteView(v.VoterId, v.Choice.ToString(), v.CastBy)).ToList()
            : [];
        return new BallotView(ballot.Id, ballot.CouncilId, ballot.MeetingId, ballot.ItemId, ballot.BodyId, ballot.DecisionRuleId,
            ballot.Kind.ToString(), ballot.Status.ToString(), ballot.Voters.Count, ballot.Votes.Count, mine, result, votes, recordedOnItem);
    }
}
