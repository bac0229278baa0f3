using System.Security.Cryptography;
using Deliberation.Domain;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Web.Ballots;

/// <summary>
/// Secret ballots (docs/secret-ballots.md): a vote is sealed under the ballot's key into the vault first, then its
/// participation (who, not what) is written to the ballot's stream, and it is acknowledged with its receipt once both
/// are durable. Closing publishes the shuffled, signed list of (receipt, choice) and then destroys the key and the seals.
/// </summary>
public sealed partial class BallotGrain
{
    // The ballot's key and its sealed votes by (voter, client vote id), while open; loaded from the vault once per activation.
    private SecretState? _secret;
    private Task? _secretLoading;

    private sealed class SecretState(byte[]? key)
    {
        public byte[]? Key { get; } = key;
        public Dictionary<(string Voter, string ClientVoteId), SealedVote> Sealed { get; } = [];
        public Dictionary<string, (string ClientVoteId, string CastBy, Task<SealedVote> Task)> InFlight { get; } = new(StringComparer.Ordinal);
    }

    private async Task<VoteReceipt> CastSecretAsync(Ballot ballot, CastVote vote, Actor by)
    {
        await SecretLoadedAsync(ballot);
        ballot = Current!;
        var decided = ballot.DecideSecret(by, vote.VoterId, vote.Choice, vote.Options, vote.ClientVoteId ?? "");
        var secret = _secret!;
        var key = (decided.VoterId, decided.ClientVoteId);
        if (decided.AlreadyTaken)
        {
            var taken = secret.Sealed.TryGetValue(key, out var found) ? found
                : ballot.Status == BallotStatus.Closed
                    // Counted; and the link to its receipt was destroyed with the key, as promised.
                    ? throw new BallotRuleViolation(Domain.Ballots.BallotRefusals.CountedAndClosed)
                    : throw new InvalidOperationException("This vote was taken but its sealed choice is missing.");
            await (_durableVotes.GetValueOrDefault(decided.VoterId) ?? Task.CompletedTask);
            return Answer(SameVote(decided, taken), false);
        }
        if (secret.InFlight.TryGetValue(decided.VoterId, out var flight))
        {
            // Only who sent it shares its outcome (its receipt): another member of a household is refused, as once it is taken.
            if (flight.ClientVoteId != decided.ClientVoteId || flight.CastBy != decided.CastBy)
                throw new BallotRuleViolation(Domain.Ballots.BallotRefusals.SecretCastAlready);
            return Answer(SameVote(decided, await flight.Task), false);
        }
        var sealing = SealAndTakeAsync(decided, secret, by);
        secret.InFlight[decided.VoterId] = (decided.ClientVoteId, decided.CastBy, sealing);
        try
        {
            return Answer(await sealing, true);
        }
        finally
        {
            if (secret.InFlight.TryGetValue(decided.VoterId, out var mine) && mine.Task == sealing) secret.InFlight.Remove(decided.VoterId);
        }
    }

    /// <summary>
    /// The seal first (or the one a failed earlier send left, same client vote id), then the participation: a crash
    /// between them leaves a seal without participation, which is never counted and is reused by a resend.
    /// </summary>
    private async Task<SealedVote> SealAndTakeAsync(SecretDecision decided, SecretState secret, Actor by)
    {
        var key = (decided.VoterId, decided.ClientVoteId);
        if (secret.Sealed.TryGetValue(key, out var earlier)) SameVote(decided, earlier);
        else
        {
            var fresh = new SealedVote(decided.VoterId, decided.ClientVoteId, SealedVote.NewReceipt(), decided.Choice, decided.Options, decided.CastBy);
            await secrets.Vault.SealAsync(Key, SealedVote.NewSlot(), fresh.Seal(secret.Key!, Key, Current!.Options));
            secret.Sealed[key] = fresh;
        }
        // Back on the activation: the ballot may have closed meanwhile, and then this vote is refused, never acknowledged.
        var ballot = Current!;
        var events = ballot.TakeSecret(decided);
        var durable = events.Count > 0 ? Raise(events, by.UserId, clock.GetUtcNow()) : _durableVotes.GetValueOrDefault(decided.VoterId) ?? Task.CompletedTask;
        if (events.Count > 0) _durableVotes[decided.VoterId] = durable;
        var changed = events.Count > 0 ? View(ballot, null, null) : null;
        await durable;
        if (events.Count > 0) Written(decided.VoterId, durable);
        if (changed is not null) _ = PushAsync(changed, ballot.Status);
        return secret.Sealed[key];
    }

    // A seal left by another member of a household, with the same client vote id, is not theirs to reuse: its receipt would tell them its choice.
    private static SealedVote SameVote(SecretDecision decided, SealedVote sealedVote) =>
        decided.SameChoice(sealedVote.Choice, sealedVote.Options) && (sealedVote.CastBy ?? decided.CastBy) == decided.CastBy
        ? sealedVote
        : throw new BallotRuleViolation(Domain.Ballots.BallotRefusals.ClientVoteIdReused);

    private VoteReceipt Answer(SealedVote v, bool recorded) =>
        new(Key, v.VoterId, v.Choice, v.ClientVoteId, recorded, Current!.VotesIn, v.Options, false, v.Receipt);

    private async Task<BallotView> CloseSecretAsync(Ballot ballot, Actor by)
    {
        if (!by.Holds(CouncilRole.Chair) && !by.Holds(CouncilRole.Clerk)) throw NotPermitted.Requires(Domain.Ballots.BallotRefusals.ToClose, CouncilRole.Chair, CouncilRole.Clerk);
        if (ballot.Status != BallotStatus.Open) throw new BallotRuleViolation(Domain.Ballots.BallotRefusals.ClosedAlready);
        await SecretLoadedAsync(ballot);
        var signer = await secrets.SignerAsync(ballot.CouncilId);
        ballot = Current!;
        // From here to the raise in one piece: the list holds exactly the participations decided before the close.
        var secret = _secret!;
        var entries = ballot.Participations
            .Select(p => secret.Sealed.TryGetValue((p.VoterId, p.ClientVoteId), out var v) ? v
                : throw new InvalidOperationException($"A participation in ballot '{Key}' has no sealed choice."))
            .Select(v => new SecretEntry(v.Receipt, v.Choice, ballot.IsMotion ? null : v.Options))
            .ToArray();
        RandomNumberGenerator.Shuffle(entries.AsSpan());
        var text = SecretBallotList.Text(ballot.CouncilId, ballot.Id, ballot.Options, ballot.SecretWeight, entries);
        var published = new SecretBallotPublished(entries, ballot.SecretWeight, signer.PublicKeyPem, signer.Sign(text));
        await CommitAsync(ballot.CloseSecret(by, DecisionRuleCatalog.Find(ballot.DecisionRuleId), published), by.UserId, clock.GetUtcNow());
        await DestroySecretsAsync(secret);
        var recordedOnItem = await RecordOnItemAsync(ballot, by);
        await RefreshItemPublicAsync(ballot);
        await PushAsync(ballot);
        return View(ballot, by, recordedOnItem);
    }

    /// <summary>
    /// After the closing is durable: votes still sealing finish (and are refused as closed), then the key and every
    /// seal go. If that fails, the ballot's next activation, or the sweep at start, tries again.
    /// </summary>
    private async Task DestroySecretsAsync(SecretState secret)
    {
        foreach (var (_, flight) in secret.InFlight.ToList())
        {
            try { await flight.Task; }
            catch (Exception) { /* refused as closed, or failed: either way not counted */ }
        }
        try
        {
            await secrets.Vault.DestroyAsync(Key);
            secret.Sealed.Clear();
            _secret = new SecretState(null);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not destroy the key of closed secret ballot {BallotId}; it will be tried again", Key);
            (_secret, _secretLoading) = (null, null);
        }
    }

    private Task SecretLoadedAsync(Ballot ballot)
    {
        if (_secret is not null) return Task.CompletedTask;
        if (_secretLoading is { IsFaulted: true }) _secretLoading = null;
        return _secretLoading ??= LoadSecretAsync(ballot);
    }

    private async Task LoadSecretAsync(Ballot ballot)
    {
        try
        {
            if (ballot.Status == BallotStatus.Closed)
            {
                // A closing whose clean-up was cut short: finish it.
                if (await secrets.Vault.ReadKeyAsync(Key) is not null) await secrets.Vault.DestroyAsync(Key);
                _secret = new SecretState(null);
                return;
            }
            var key = await secrets.ReadKeyAsync(Key)
                ?? (ballot.Participations.Count == 0 ? await secrets.KeepKeyAsync(Key)
                    : throw new InvalidOperationException($"The key of open secret ballot '{Key}' is missing: its votes cannot be counted."));
            var state = new SecretState(key);
            foreach (var seal in await secrets.Vault.ReadSealsAsync(Key))
            {
                var v = SealedVote.Unseal(seal, key, Key, ballot.Options);
                state.Sealed[(v.VoterId, v.ClientVoteId)] = v;
            }
            _secret = state;
        }
        catch
        {
            _secretLoading = null;
            throw;
        }
    }

    /// <summary>While open, the viewer sees the votes they cast with their receipts (a page drawn again still shows them); nobody else does.</summary>
    private async Task<BallotView> SecretViewAsync(Ballot ballot, Actor? viewer)
    {
        if (viewer is null || ballot.Status != BallotStatus.Open) return View(ballot, viewer, null);
        await SecretLoadedAsync(ballot);
        ballot = Current!;
        var yours = ballot.Participations.Where(p => p.CastBy == viewer.UserId)
            .Select(p => _secret!.Sealed.GetValueOrDefault((p.VoterId, p.ClientVoteId)))
            .OfType<SealedVote>()
            .Select(v => new NamedVoteView(v.VoterId, v.Choice.ToString(), viewer.UserId, v.Options, v.Receipt))
            .ToList();
        return View(ballot, viewer, null) with { YourVotes = yours };
    }

    public Task<PublishedListView?> GetPublishedAsync(string councilId, Actor? viewer) => PublishedAsync(councilId, viewer);

    private async Task<PublishedListView?> PublishedAsync(string councilId, Actor? viewer)
    {
        if (await GetAsync(councilId, viewer) is null || Current is not { Published: { } published } ballot) return null;
        var text = SecretBallotList.Text(ballot.CouncilId, ballot.Id, ballot.Options, published.Weight, published.Entries);
        return new PublishedListView(ballot.Id, ballot.CouncilId, "ECDSA P-256 SHA-256 (DER)", published.PublicKey, published.Signature, text,
            published.Weight, published.Entries.Select(e => new PublishedEntryView(e.Receipt, e.Choice.ToString(), e.Options)).ToList());
    }

    /// <summary>For the sweep at start: a closed secret ballot destroys whatever of its key and seals is still kept.</summary>
    public async Task TidySecretsAsync()
    {
        if (Current is { IsSecret: true, Status: BallotStatus.Closed }) await secrets.Vault.DestroyAsync(Key);
    }
}
