using Deliberation.Domain.Ballots;

namespace Deliberation.Domain.Councils;

/// <summary>Something that happened to a council: its founding, its bodies, who holds which role, its invitations.</summary>
public abstract record CouncilEvent;

public sealed record CouncilFounded(string CouncilId, LocalizedText Name, string Place, string DefaultTemplateId, int NoticeDays) : CouncilEvent;

/// <summary><c>Practice</c> is null in events written before bodies had one: the default practice.</summary>
public sealed record BodyEstablished(string BodyId, LocalizedText Name, string DecisionRuleId, BallotPractice? Practice = null) : CouncilEvent;

public sealed record RoleGranted(string UserId, string DisplayName, CouncilRole Role, string? Body, decimal Weight, string Reason) : CouncilEvent;

public sealed record RoleRevoked(string UserId, CouncilRole Role, string? Body, string Reason) : CouncilEvent;

/// <summary>Only the code's hash is recorded: the log never holds a code someone could still use.</summary>
/// <summary><c>BatchId</c> and <c>No</c> are set for a code printed in a batch (null in single invitations and older events).</summary>
public sealed record InvitationIssued(string CodeHash, string Household, string Grid, string? BatchId = null, int? No = null) : CouncilEvent;

/// <summary>A batch of codes for door-to-door visits in one grid; its codes follow as <see cref="InvitationIssued"/>.</summary>
public sealed record InvitationBatchIssued(string BatchId, string Grid, int Count, string? Note) : CouncilEvent;

/// <summary>An unused code withdrawn (lost, or handed to the wrong door): it can no longer be redeemed.</summary>
public sealed record InvitationRevoked(string CodeHash, string Reason) : CouncilEvent;

public sealed record InvitationRedeemed(string CodeHash, string UserId, string DisplayName) : CouncilEvent;

public sealed record PasswordResetRecorded(string UserId, string Reason) : CouncilEvent;

public sealed record Body(string Id, LocalizedText Name, string DecisionRuleId, BallotPractice Practice);

public sealed record RoleHolder(string UserId, string DisplayName, CouncilRole Role, string? Body, decimal Weight);
