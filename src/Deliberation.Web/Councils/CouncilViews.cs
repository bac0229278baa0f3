using Deliberation.Domain.Councils;

namespace Deliberation.Web.Councils;

public sealed record CouncilView(
    string Id, string NameZh, string NameEn, string Place, string DefaultTemplateId, int NoticeDays, IReadOnlyList<BodyView> Bodies);

public sealed record BodyView(string Id, string NameZh, string NameEn, string DecisionRuleId, int Members);

public sealed record RoleHolderView(string UserId, string DisplayName, CouncilRole Role, string? Body, decimal Weight);

public sealed record FoundCouncil(string Id, string NameZh, string NameEn, string Place, string DefaultTemplateId, int NoticeDays = 7);

public sealed record EstablishBody(string BodyId, string NameZh, string NameEn, string DecisionRuleId);

public sealed record GrantRole(string UserId, string DisplayName, CouncilRole Role, string? Body, decimal? Weight, string Reason);

public sealed record RevokeRole(string UserId, CouncilRole Role, string? Body, string Reason);

public sealed record IssueInvitation(string Household, string Grid)
{
    /// <summary>Its idempotency key (or the <c>Idempotency-Key</c> header): a resend answers the same code, and issues none.</summary>
    public string? RequestId { get; init; }
}

public sealed record IssuedInvitation(string Code, string Household, string Grid);
