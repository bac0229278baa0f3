using Deliberation.Domain.Councils;

namespace Deliberation.Web.Councils;

public sealed record CouncilView(
    string Id, string NameZh, string NameEn, string Place, string DefaultTemplateId, int NoticeDays, IReadOnlyList<BodyView> Bodies)
{
    /// <summary>The zone the council's times are told in (IANA id).</summary>
    public string TimeZoneId { get; init; } = Domain.CouncilTime.DefaultZoneId;

    public int SpeakingMinutes { get; init; } = Domain.Councils.Council.DefaultSpeakingMinutes;
}

/// <summary>How the council runs its meetings: its time zone (IANA id, e.g. Asia/Shanghai) and the minutes each speaker has.</summary>
public sealed record SetMeetingPractice(string? TimeZoneId, int? SpeakingMinutes, string? Reason);

/// <summary>The body's ballot practice stands beside its rule: whether votes may change while open, whether proxies count toward the quorum.</summary>
public sealed record BodyView(string Id, string NameZh, string NameEn, string DecisionRuleId, int Members,
    bool VotesMayChange = false, bool ProxiesCountTowardQuorum = true);

public sealed record RoleHolderView(string UserId, string DisplayName, CouncilRole Role, string? Body, decimal Weight);

public sealed record FoundCouncil(string Id, string NameZh, string NameEn, string Place, string DefaultTemplateId, int NoticeDays = 7);

/// <summary>The practice left out is the default: votes cannot change, proxies count toward the quorum.</summary>
public sealed record EstablishBody(string BodyId, string NameZh, string NameEn, string DecisionRuleId,
    bool? VotesMayChange = null, bool? ProxiesCountTowardQuorum = null);

public sealed record GrantRole(string UserId, string DisplayName, CouncilRole Role, string? Body, decimal? Weight, string Reason);

public sealed record RevokeRole(string UserId, CouncilRole Role, string? Body, string Reason);

public sealed record IssueInvitation(string Household, string Grid)
{
    /// <summary>Its idempotency key (or the <c>Idempotency-Key</c> header): a resend answers the same code, and issues none.</summary>
    public string? RequestId { get; init; }
}

public sealed record IssuedInvitation(string Code, string Household, string Grid);

/// <summary>A batch of household codes for one grid (1 to 100); <c>RequestId</c> (at least 16 characters) seeds the codes,
/// so a resend answers the same codes and issues none.</summary>
public sealed record IssueInvitationBatch(string Grid, int Count, string? Note)
{
    public string? RequestId { get; init; }
}

/// <summary>The batch's codes, printed now: only their hashes are kept.</summary>
public sealed record IssuedBatch(string BatchId, string Grid, string? Note, IReadOnlyList<IssuedInvitation> Codes);

public sealed record RevokeInvitation(string Reason)
{
    public string? RequestId { get; init; }
}

/// <summary>One code as the clerk's list shows it: a reference to its hash (never the code), and who redeemed it.</summary>
public sealed record InvitationView(string Ref, string Household, string Grid, string? BatchId, int? No, InvitationState State,
    string? RedeemedBy, string? RedeemedName);

public sealed record InvitationBatchView(string BatchId, string Grid, int Count, string? Note);

public sealed record InvitationsView(IReadOnlyList<InvitationBatchView> Batches, IReadOnlyList<InvitationView> Invitations);
