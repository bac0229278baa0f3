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

    // Whether the ballot's item is disclosed, so the public sees its pushes: asked at activation, opening and closing,
    // not on every vote (an item is disclosed only after its vote). Read outside the turn by pushes; a bool is atomic.
    private bool _itemPublic;

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
        await RefreshItemPublicAsync();
        await PushAsync(ballot);
        return View(ballot, by, null);
    }

    // Only touched in the turn; the durability of each voter's vote, so that a resend is acknowledged only once the
    // first send is durable (and fails with it).
    private readonly Dictionary<string, Task> _durableVotes = new(StringComparer.Ordinal);

    public Task<VoteReceipt> CastAsync(string councilId, CastVote vote, Actor by)
    {
        // No await before the commit: all of this runs in the turn (see IBallotGrain.CastAsync), on the live ballot.
        var ballot = Current is { } live && live.CouncilId == councilId ? live : throw new NotFound("There is no such ballot.");
        var choice = vote.Choice ?? throw new ArgumentException("Choose for, against or abstain.", nameof(vote.Choice));
        var voterId = vote.VoterId ?? by.UserId;
        var events = ballot.Cast(by, vote.VoterId, choice, vote.ClientVoteId ?? "");
        var recorded = events.Count > 0;
        var durable = recorded ? CommitPipelinedAsync(ballot, events, by.UserId, clock.GetUtcNow())
            : _durableVotes.GetValueOrDefault(voterId) ?? Task.CompletedTask;
        if (recorded) _durableVotes[voterId] = durable;
        var receipt = new VoteReceipt(GrainKey, voterId, choice, vote.ClientVoteId!.Trim(), recorded, ballot.Votes.Count);
        return AcknowledgeAsync(durable, receipt, recorded ? View(ballot, null, null) : null);
    }

    /// <summary>Outside the turn: waits for durability, then tells the screens (with the view taken in the turn).</summary>
    private async Task<VoteReceipt> AcknowledgeAsync(Task durable, VoteReceipt receipt, BallotView? changed)
    {
        await durable;
        if (changed is not null) await push.BallotChangedAsync(changed, _itemPublic);
        return receipt;
    }

    protected override void OnReloaded()
    {
        base.OnReloaded();
        _durableVotes.Clear();
    }

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await base.OnActivateAsync(ct);
        await RefreshItemPublicAsync();
    }

    public async Task<BallotView> CloseAsync(string councilId, Actor by)
    {
        var ballot = Draft() is { } draft && draft.CouncilId == councilId ? draft : throw new NotFound("There is no such ballot.");
        await CommitAsync(ballot, ballot.Close(by, DecisionRuleCatalog.Find(ballot.DecisionRuleId)), by.UserId, clock.GetUtcNow());
        var recordedOnItem = await RecordOnItemAsync(ballot, by);
        await RefreshItemPublicAsync();
        await PushAsync(ballot);
        return View(ballot, by, recordedOnItem);
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

    private Task PushAsync(Ballot ballot) => push.BallotChangedAsync(View(ballot, null, null), _itemPublic);

    private async Task RefreshItemPublicAsync()
    {
        if (Current is { } ballot)
            _itemPublic = await GrainFactory.GetGrain<IAgendaItemGrain>(ballot.ItemId).GetAsync(ballot.CouncilId, null) is not null;
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
