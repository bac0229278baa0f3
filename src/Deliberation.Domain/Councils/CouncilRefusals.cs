namespace Deliberation.Domain.Councils;

/// <summary>What a council refuses, in its own words (see <see cref="RefusalText"/>).</summary>
public static class CouncilRefusals
{
    public static readonly RefusalText Required = new("council.required", "The {0} is required.");
    public static readonly RefusalText HasCategory = new("council.has-category", "The council has the category '{0}' already.");
    public static readonly RefusalText MostCategories = new("council.most-categories", "A council keeps at most {0} categories.");
    public static readonly RefusalText NotACategory = new("council.not-a-category", "'{0}' is not one of the council's categories: {1}.");
    public static readonly RefusalText NoSuchCategory = new("council.no-such-category", "The council has no category '{0}'.");
    public static readonly RefusalText BatchSize = new("council.batch-size", "A batch has 1 to {0} codes.");
    public static readonly RefusalText BatchIssued = new("council.batch-issued", "This batch was issued already.");
    public static readonly RefusalText BatchCodeIssued = new("council.batch-code-issued", "A code of this batch was issued already.");
    public static readonly RefusalText NoSuchInvitation = new("council.no-such-invitation", "There is no such invitation.");
    public static readonly RefusalText InvitationRevoked = new("council.invitation-revoked", "This invitation was revoked already.");
    public static readonly RefusalText CodeUsed = new("council.code-used", "This code has been used; it cannot be revoked. Revoke the resident's role instead.");
    public static readonly RefusalText NoSuchTimeZone = new("council.no-such-time-zone", "There is no time zone '{0}'.");
    public static readonly RefusalText SpeakingMinutes = new("council.speaking-minutes", "A speaker has 1 to {0} minutes.");
    public static readonly RefusalText CategoriesCount = new("council.categories-count", "Give 1 to 30 categories.");
    public static readonly RefusalText MostAccounts = new("council.most-accounts", "At most {0} accounts.");
    public static readonly RefusalText MostMembers = new("council.most-members", "At most {0} members.");
    public static readonly RefusalText HasBody = new("council.has-body", "The council already has a body '{0}'.");
    public static readonly RefusalText UnknownRule = new("council.unknown-rule", "Unknown decision rule '{0}'.");
    public static readonly RefusalText NoSuchRole = new("council.no-such-role", "There is no such role.");
    public static readonly RefusalText MemberOfBody = new("council.member-of-body", "A member belongs to one of this council's bodies; '{0}' is not one.");
    public static readonly RefusalText MemberWeight = new("council.member-weight", "A member's weight must be more than 0.");
    public static readonly RefusalText HoldsRole = new("council.holds-role", "{0} already holds this role.");
    public static readonly RefusalText NobodyHoldsRole = new("council.nobody-holds-role", "Nobody holds that role to revoke.");
    public static readonly RefusalText CodeIssued = new("council.code-issued", "This code was issued already.");
    public static readonly RefusalText CodeNotValid = new("council.code-not-valid", "This code is not valid or has been used.");
    public static readonly RefusalText NoRoleHere = new("council.no-role-here", "Nobody with this id holds a role in this council.");
    public static readonly RefusalText ResetStaff = new("council.reset-staff", "Only a site administrator may reset the password of council staff or of an account used beyond this council.");
    public static readonly RefusalText ResetResidents = new("council.reset-residents", "A clerk resets only the password of a resident who joined with a household code; ask a site administrator.");

    public static readonly RefusalText ToKeepCategories = new("council.act.keep-categories", "keep the council's categories");
    public static readonly RefusalText ToIssueInvitations = new("council.act.issue-invitations", "issue invitations");
    public static readonly RefusalText ToRevokeInvitations = new("council.act.revoke-invitations", "revoke invitations");
    public static readonly RefusalText ToSetMeetingPractice = new("council.act.set-meeting-practice", "set how meetings run");
    public static readonly RefusalText ToKeepDepartments = new("council.act.keep-departments", "keep the council's departments");
    public static readonly RefusalText ToKeepGroups = new("council.act.keep-groups", "keep the council's volunteer groups");
    public static readonly RefusalText ToKeepRequestCategories = new("council.act.keep-request-categories", "keep the request categories");
    public static readonly RefusalText ToEstablishBody = new("council.act.establish-body", "establish a body");
    public static readonly RefusalText ToGrantRoles = new("council.act.grant-roles", "grant roles");
    public static readonly RefusalText ToRevokeRoles = new("council.act.revoke-roles", "revoke roles");
    public static readonly RefusalText ToResetPasswords = new("council.act.reset-passwords", "reset passwords");
}
