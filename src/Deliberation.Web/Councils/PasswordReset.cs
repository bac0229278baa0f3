using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Councils;

/// <summary>
/// A clerk resets the password of someone in their council (villagers often have no e-mail). The reset is put on the
/// record first: a reset that is not on the record must not happen. Returns a problem to show, or null.
/// </summary>
public static class PasswordReset
{
    public static async Task<string?> ResetAsync(string councilId, string userId, string newPassword, string reason, Actor clerk,
        IGrainFactory grains, UserManager<CouncilUser> users)
    {
        var council = grains.GetGrain<ICouncilGrain>(councilId);
        var user = (await council.GetRoleHoldersAsync()).Any(h => h.UserId == userId) ? await users.FindByIdAsync(userId) : null;
        if (user is null) return "Nobody with this id holds a role in this council.";
        if (string.IsNullOrWhiteSpace(reason)) return "Say why (for the record).";
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, newPassword)).Errors.Select(e => e.Description));
        if (errors.Count > 0) return string.Join(" ", errors);

        await council.RecordPasswordResetAsync(userId, reason, clerk);
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
        if (!reset.Succeeded) return "The password could not be changed; try again.";
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return null;
    }
}
