namespace Deliberation.Domain.Councils;

/// <summary>
/// What a council cannot see in its own records about a password reset: whether the one resetting is a site
/// administrator, and whether the account matters beyond this council (a site administrator, roles in another
/// council, a sign-in through the county's identity provider). The host looks these up; the council decides.
/// </summary>
public sealed record ResetStanding(bool ByAdministrator, bool TargetIsAdministrator, bool TargetHoldsRolesElsewhere, bool TargetSignsInElsewhere)
{
    public bool TargetMattersElsewhere => TargetIsAdministrator || TargetHoldsRolesElsewhere || TargetSignsInElsewhere;
}
