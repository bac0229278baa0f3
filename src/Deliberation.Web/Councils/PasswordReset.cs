using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Councils;

/// <summary>
/// A clerk resets the password of a resident of their council (villagers often have no e-mail); the council decides
/// whose (see <see cref="Council.RecordPasswordReset"/>), from what is looked up here about the account beyond it.
/// The reset is put on the record first: a reset that is not on the record must not happen. It ends the account's
/// sessions and tokens, and the person must choose their own password at the next sign-in. Returns a problem, or null.
/// </summary>
public static class PasswordReset
{
    public static async Task<string?> ResetAsync(HttpContext http, string councilId, string userId, string newPassword, string reason)
    {
        var services = http.RequestServices;
        var users = services.GetRequiredService<UserManager<CouncilUser>>();
        var grains = services.GetRequiredService<IGrainFactory>();
        var council = grains.GetGrain<ICouncilGrain>(councilId);
        var user = (await council.GetRoleHoldersAsync()).Any(h => h.UserId == userId) ? await users.FindByIdAsync(userId) : null;
        if (user is null) return "Nobody with this id holds a role in this council.";
        if (string.IsNullOrWhiteSpace(reason)) return "Say why (for the record).";
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, newPassword)).Errors.Select(e => e.Description));
        if (errors.Count > 0) return string.Join(" ", errors);

        await council.RecordPasswordResetAsync(userId, reason, http.Actor(), await StandingAsync(http, councilId, user, users, grains));
        // The marks go first: the password change below ends the sessions and forgets the cached token mapping, so
        // whatever is looked up after it already sees that tokens issued before now are void.
        var db = services.GetRequiredService<DeliberationDb>();
        var by = await users.GetUserAsync(http.User);
        await AccountMarks.SetAsync(db, userId, AccountMarks.MustChangePassword, true);
        await AccountMarks.SetAsync(db, userId, AccountMarks.LastReset, new PasswordResetMark(
            services.GetRequiredService<TimeProvider>().GetUtcNow(), http.User.UserId(), by?.DisplayName ?? "", councilId));
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
        if (!reset.Succeeded) return "The password could not be changed; try again.";
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    private static async Task<ResetStanding> StandingAsync(HttpContext http, string councilId, CouncilUser user,
        UserManager<CouncilUser> users, IGrainFactory grains)
    {
        var elsewhere = false;
        foreach (var other in await CouncilCatalogue.ListAsync(http.RequestServices.GetRequiredService<IEventLog>()))
            if (other.Id != councilId && (await grains.GetGrain<ICouncilGrain>(other.Id).GetActorAsync(user.Id)).Roles.Count > 0)
                elsewhere = true;
        return new ResetStanding(http.User.IsInRole(SiteRoles.Administrator), await users.IsInRoleAsync(user, SiteRoles.Administrator),
            elsewhere, (await users.GetLoginsAsync(user)).Count > 0);
    }
}
