namespace Deliberation.Domain.Councils;

/// <summary>One household code as the clerk's list shows it: never the code, only a short reference to its hash.</summary>
public sealed record InvitationEntry(string Ref, string Household, string Grid, string? BatchId, int? No, InvitationState State,
    string? RedeemedBy, string? RedeemedName);

public enum InvitationState { Open, Redeemed, Revoked }

public sealed record InvitationBatch(string BatchId, string Grid, int Count, string? Note);

/// <summary>
/// Household codes in batches, for door-to-door visits: the clerk prints a sheet of codes for a grid, sees which were
/// redeemed and by whom, and withdraws an unused one. Codes themselves are never recorded, only their hashes.
/// </summary>
public sealed partial class Council
{
    public const int MaxBatch = 100;

    /// <summary>A reference to a code's hash: short enough for a form, far too short to find the code from.</summary>
    public const int RefLength = 12;

    private readonly List<InvitationBatch> _batches = [];

    public IReadOnlyList<InvitationBatch> InvitationBatches => _batches;

    public IReadOnlyList<InvitationEntry> Invitations => _invitations.Select(i => new InvitationEntry(
        i.Key[..RefLength], i.Value.Household, i.Value.Grid, i.Value.BatchId, i.Value.No,
        i.Value.Revoked ? InvitationState.Revoked : i.Value.RedeemedBy is null ? InvitationState.Open : InvitationState.Redeemed,
        i.Value.RedeemedBy, i.Value.RedeemedName)).ToList();

    public IReadOnlyList<CouncilEvent> IssueInvitationBatch(Actor by, string batchId, string grid, IReadOnlyList<string> codeHashes, string? note)
    {
        RequireClerk(by, CouncilRefusals.ToIssueInvitations);
        Require(batchId, "batch id");
        grid = TextRules.Required(grid, TextKind.Name, "grid");
        if (codeHashes.Count is < 1 or > MaxBatch) throw CouncilRefusals.BatchSize.With(MaxBatch).Invalid(nameof(codeHashes));
        if (_batches.Any(b => b.BatchId == batchId)) throw CouncilRefusals.BatchIssued.Invalid(nameof(batchId));
        if (codeHashes.Distinct().Count() != codeHashes.Count || codeHashes.Any(h => string.IsNullOrEmpty(h) || h.Length < RefLength || _invitations.ContainsKey(h)))
            throw CouncilRefusals.BatchCodeIssued.Invalid(nameof(codeHashes));
        var events = new List<CouncilEvent> { new InvitationBatchIssued(batchId, grid, codeHashes.Count, TextRules.Optional(note, TextKind.Note, "note")) };
        // A household is not known before the visit: the code's number on the sheet stands for it until it is redeemed.
        events.AddRange(codeHashes.Select((hash, i) => new InvitationIssued(hash, $"#{i + 1}", grid, batchId, i + 1)));
        return Raise([.. events]);
    }

    /// <summary>Withdraws a code nobody has used; a used one stays used (revoke the role instead).</summary>
    public IReadOnlyList<CouncilEvent> RevokeInvitation(Actor by, string codeRef, string reason)
    {
        RequireClerk(by, CouncilRefusals.ToRevokeInvitations);
        var matches = string.IsNullOrEmpty(codeRef) || codeRef.Length != RefLength
            ? []
            : _invitations.Where(i => i.Key.StartsWith(codeRef, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1) throw CouncilRefusals.NoSuchInvitation.Invalid(nameof(codeRef));
        var (hash, invitation) = (matches[0].Key, matches[0].Value);
        if (invitation.Revoked) throw CouncilRefusals.InvitationRevoked.Invalid(nameof(codeRef));
        if (invitation.RedeemedBy is not null)
            throw CouncilRefusals.CodeUsed.Invalid(nameof(codeRef));
        return Raise(new InvitationRevoked(hash, TextRules.Required(reason, TextKind.Note, "reason")));
    }
}
