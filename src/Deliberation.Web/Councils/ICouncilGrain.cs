using Deliberation.Domain.Councils;
using Orleans;

namespace Deliberation.Web.Councils;

/// <summary>One council: its bodies, who holds which role, and its household invitations. Keyed by council id.</summary>
public interface ICouncilGrain : IGrainWithStringKey
{
    Task<CouncilView?> GetAsync();

    /// <summary>The caller's roles here; an actor with no roles when they hold none (or the council does not exist).</summary>
    Task<Actor> GetActorAsync(string userId);

    Task<CouncilView> FoundAsync(FoundCouncil request, string byUserId);

    Task<CouncilView> EstablishBodyAsync(EstablishBody request, Actor by);

    /// <summary>The council's time zone and minutes per speaker; what is left out stays as it is.</summary>
    Task<CouncilView> SetMeetingPracticeAsync(SetMeetingPractice request, Actor by);

    Task<IReadOnlyList<RoleHolderView>> GetRoleHoldersAsync();

    /// <summary>Each member's household (by the code they joined with, as grid/household), for ballots counted by households.</summary>
    Task<IReadOnlyDictionary<string, string>> GetHouseholdsAsync();

    Task GrantRoleAsync(GrantRole request, Actor by);

    Task RevokeRoleAsync(RevokeRole request, Actor by);

    /// <summary>Issues a one-time household code; only its hash is kept, so the clerk prints it now.</summary>
    Task<IssuedInvitation> IssueInvitationAsync(IssueInvitation request, Actor by);

    /// <summary>Issues a batch of household codes for door-to-door visits; only their hashes are kept, so the clerk prints them now.</summary>
    Task<IssuedBatch> IssueInvitationBatchAsync(IssueInvitationBatch request, Actor by);

    /// <summary>Every code issued, by batch, with which were redeemed and by whom, and which were revoked.</summary>
    Task<InvitationsView> GetInvitationsAsync();

    /// <summary>Withdraws an unused code (named by its reference); it can no longer be redeemed.</summary>
    Task RevokeInvitationAsync(string codeRef, RevokeInvitation request, Actor by);

    /// <summary>Redeems a code once: the account becomes a verified resident of the code's household.</summary>
    Task<RoleHolderView> RedeemInvitationAsync(string code, string userId, string displayName);

    /// <summary>
    /// Records that the clerk reset someone's password (people without e-mail ask the clerk); refused unless this
    /// council may reset that account, given what the host knows of it beyond this council.
    /// </summary>
    Task RecordPasswordResetAsync(string userId, string reason, Actor by, ResetStanding standing);

    /// <summary>The council's departments, volunteer groups and request categories (null when the council does not exist).</summary>
    Task<CouncilServicesView?> GetServicesAsync();

    Task<DepartmentView> RecordDepartmentAsync(RecordDepartment request, Actor by);

    Task<VolunteerGroupView> RecordVolunteerGroupAsync(RecordVolunteerGroup request, Actor by);

    Task<IReadOnlyList<string>> RecordRequestCategoriesAsync(RecordRequestCategories request, Actor by);

    /// <summary>Adds, renames or retires one of the council's categories; answers the list as it is then.</summary>
    Task<IReadOnlyList<string>> ChangeCategoryAsync(Categories.ChangeCategory request, Actor by);
}
