using Deliberation.Web.Errors;
using Deliberation.Web.Grains;
using Deliberation.Domain;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Journaling;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;

namespace Deliberation.Web.Ballots;

/// <summary>
/// A ballot's own activation: each vote is decided one at a time on the live ballot, and acknowledged only once its
/// event is durable, so an acknowledged vote is never lost and a resend is never counted twice.
/// </summary>
public sealed partial class BallotGrain(TimeProvider clock, MeetingPush push, SecretBallotKeys secrets, ILogger<BallotGrain> logger) : AggregateGrain<Ballot, BallotEvent>(Category), IBallotGrain
{
    public const string Category = "ballot";

    // Whether the ballot's item is disclosed, so the public sees its pushes: asked at opening and closing and before
    // the first push of an activation, not on every vote (an item is disclosed only after its vote).
    private bool? _itemPublic;

    // The durability of each voter's vote while it is being written, so that a resend is acknowledged only once the
    // first send is durable (and fails with it). A vote leaves it once durable (a resend then finds it in the ballot):
    // a ballot of thousands keeps no finished task each. Emptied when the view is rebuilt from the log.
    private readonly Dictionary<string, Task> _durableVotes = new(StringComparer.Ordinal);

    protected override Ballot Fold(Ballot? ballot, BallotEvent e)
    {
        ballot ??= Ballot.Replay([]);
        ballot.Apply(e);
        return ballot;
    }

    protected override string ScopeOf(Ballot ballot) => ballot.CouncilId;

    protected override object SummaryOf(Ballot ballot, DateTimeOffset at) => BallotSummary.Of(ballot);

    /// <summary>The catalogue row, for a history written without the grain (the demo's past meeting).</summary>
    public static StreamSummary CatalogueRowOf(Ballot ballot, DateTimeOffset at) =>
        CatalogueRow($"{Category}-{ballot.Id}", Category, ballot.CouncilId, BallotSummary.Of(ballot), at, false, null);

    // The adaptor reports a tentative change only when it has rebuilt the view from the log (after activation or a
    // failed write): what was in flight then is gone, and a resend is decided afresh.
    protected override void OnTentativeStateChanged() => _durableVotes.Clear();

    public async Task<BallotView> OpenAsync(BallotSetup setup, Actor by)
    {
        if (Current is not null) throw new ArgumentException($"Ballot '{Key}' already exists.");
        var (ballot, events) = Ballot.Open(by, Key, setup.CouncilId, setup.MeetingId, setup.ItemId, setup.BodyId,
            DecisionRuleCatalog.Find(setup.DecisionRuleId), setup.Electorate, setup.Voters, setup.Terms ?? BallotTerms.Motion());
        // The key is kept before the ballot exists, so that no vote is ever taken without somewhere to seal it.
        if (ballot.IsSecret) _secret = new SecretState(await secrets.KeepKeyAsync(Key));
        await CommitNewAsync(ballot, events, by.UserId, clock.GetUtcNow());
        await RefreshItemPublicAsync(ballot);
        await PushAsync(ballot);
        return View(ballot, by, null);
    }

    /// <summary>
    /// Interleaved: decided in the turn on the live ballot, up to raising its event; then, while it becomes durable,
    /// the next vote comes in, so the votes arriving during one write share the next. Acknowledged once durable.
    /// </summary>
    public async Task<VoteReceipt> CastAsync(string councilId, CastVote vote, Actor by)
    {
        // No await before the raise: this part runs in one piece on the activation.
        var ballot = Current is { } live && live.CouncilId == councilId ? live : throw new NotFound(WebRefusals.NoSuchBallot);
        if (ballot.IsSecret) return await CastSecretAsync(ballot, vote, by);
        var voterId = ballot.VoterFor(by, vote.VoterId);
        var events = ballot.Cast(by, vote.VoterId, vote.Choice, vote.Options, vote.ClientVoteId ?? "");
        var recorded = events.Count > 0;
        var durable = recorded ? Raise(events, by.UserId, clock.GetUtcNow()) : _durableVotes.GetValueOrDefault(voterId) ?? Task.CompletedTask;
        if (recorded) _durableVotes[voterId] = durable;
        // The vote that counts now: this one, or for a resend the one it stands beside.
        var counts = ballot.VoteOf(voterId)!;
        var receipt = new VoteReceipt(Key, voterId, counts.Choice, vote.ClientVoteId!.Trim(), recorded, ballot.Votes.Count,
            counts.Options, events.Any(e => e is VoteChanged));
        var changed = recorded ? View(ballot, null, null) : null;
        await durable;
        if (recorded) Written(voterId, durable);
        // Pushing never delays an acknowledgement: the push waits out its own coalescing window on its own.
        if (changed is not null) _ = PushAsync(changed, ballot.Status);
        return receipt;
    }

    /// <summary>The vote is durable: a resend needs nothing more than the ballot (unless a later change is on its way).</summary>
    private void Written(string voterId, Task durable)
    {
        if (_durableVotes.TryGetValue(voterId, out var pending) && ReferenceEquals(pending, durable)) _durableVotes.Remove(voterId);
    }

    public async Task<BallotView> CloseAsync(string councilId, Actor by)
    {
        var ballot = Current is { } live && live.CouncilId == councilId ? live : throw new NotFound(WebRefusals.NoSuchBallot);
        if (ballot.IsSecret) return await CloseSecretAsync(ballot, by);
        await CommitAsync(ballot.Close(by, DecisionRuleCatalog.Find(ballot.DecisionRuleId)), by.UserId, clock.GetUtcNow());
        var recordedOnItem = await RecordOnItemAsync(ballot, by);
        await RefreshItemPublicAsync(ballot);
        await PushAsync(ballot);
        return View(ballot, by, recordedOnItem);
    }

    public async Task<BallotView> CloseByHandAsync(string councilId, HandCount count, Actor by)
    {
        var ballot = Current is { } live && live.CouncilId == councilId ? live : throw new NotFound(WebRefusals.NoSuchBallot);
        var counted = new BallotHandCounted(Counted(count.For, "for"), count.Against is null ? Count.Zero : Counted(count.Against, "against"),
            Counted(count.Abstain, "abstain"),
            (count.Options ?? []).Select(o => new OptionCount(o.Option?.Trim() ?? "", new Count(o.Members, o.Weight ?? o.Members))).ToList(),
            count.CountedBy ?? []);
        await CommitAsync(ballot.CloseByHand(by, DecisionRuleCatalog.Find(ballot.DecisionRuleId), counted), by.UserId, clock.GetUtcNow());
        var recordedOnItem = await RecordOnItemAsync(ballot, by);
        await RefreshItemPublicAsync(ballot);
        await PushAsync(ballot);
        return View(ballot, by, recordedOnItem);
    }

    private static Count Counted(CountBody? count, string name) => count is null
        ? throw new ArgumentException($"The count '{name}' is missing.", name)
        : new Count(count.Members, count.Weight ?? count.Members);

    public Task<bool> IsOpenAsync(string councilId) =>
        Task.FromResult(Current is { } ballot && ballot.CouncilId == councilId && ballot.Status == BallotStatus.Open);

    public async Task<BallotView?> GetAsync(string councilId, Actor? viewer)
    {
        if (Current is not { } ballot || ballot.CouncilId != councilId) return null;
        // Insiders follow a ballot live; the public sees it once its item is disclosed, as it sees the item.
        if (viewer is not { Roles.Count: > 0 } && await GrainFactory.GetGrain<IAgendaItemGrain>(ballot.ItemId).GetAsync(councilId, viewer) is null)
            return null;
        return ballot.IsSecret ? await SecretViewAsync(ballot, viewer) : View(ballot, viewer, null);
    }

    /// <summary>
    /// The count goes to the item when it is at a vote of this ballot's body; otherwise (a consultation vote, or another
    /// body's turn) it stays with the ballot. The ballot is closed and durable first, so a refusal here loses nothing: the clerk can record it.
    /// </summary>
    private async Task<bool> RecordOnItemAsync(Ballot ballot, Actor by)
    {
        // A ballot between options elects or chooses; it stays with the ballot, the item's resolution being a motion.
        if (!ballot.IsMotion) return false;
        var command = new TakeBallotResult(ballot.Id, ballot.MeetingId, ballot.BodyId, ballot.DecisionRuleId, ballot.Result!.Tally);
        try
        {
            await GrainFactory.GetGrain<IAgendaItemGrain>(ballot.ItemId).ActAsync(ballot.CouncilId, command, by);
            return true;
        }
        // The ballot is closed whatever happens here: the caller must hear that, not an error about the item.
        catch (Exception e) when (Refusals.Find(e) is not null || e is InvalidOperationException) { return false; }
    }

    private Task PushAsync(Ballot ballot) => PushAsync(View(ballot, null, null), ballot.Status);

    private async Task PushAsync(BallotView view, BallotStatus status)
    {
        try
        {
            if (_itemPublic is null && Current is { } ballot) await RefreshItemPublicAsync(ballot);
        }
        catch (Exception e)
        {
            // Unsure whether the public may see it: tell only the council's own people this time.
            logger.LogWarning(e, "Could not tell whether ballot {BallotId}'s item is public", view.Id);
        }
        // The send to every screen of the meeting leaves the grain's turn: opening and closing answer the chair once
        // durable, whatever the size of the hall (a push to thousands of screens outlived the call's timeout). The
        // push orders its own sends (never an older view after a newer one, nothing after the closing).
        var toPublic = _itemPublic ?? false;
        _ = Task.Run(() => push.BallotChangedAsync(view, status, toPublic));
    }

    private async Task RefreshItemPublicAsync(Ballot ballot) =>
        _itemPublic = await GrainFactory.GetGrain<IAgendaItemGrain>(ballot.ItemId).GetAsync(ballot.CouncilId, null) is not null;

    private static BallotView View(Ballot ballot, Actor? viewer, bool? recordedOnItem) => BallotProjection.View(ballot, viewer, recordedOnItem);
}
