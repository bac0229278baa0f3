using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Accounts;

/// <summary>
/// Identity's user manager, which also tells the staff account cache when an account changed: every change Identity
/// makes (roles, lockout, password, security stamp, logins) is saved through <see cref="UpdateUserAsync"/>.
/// </summary>
public sealed class CouncilUserManager(
    IUserStore<CouncilUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<CouncilUser> passwordHasher,
    IEnumerable<IUserValidator<CouncilUser>> userValidators, IEnumerable<IPasswordValidator<CouncilUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<CouncilUser>> logger,
    StaffAccountCache staffAccounts)
    : UserManager<CouncilUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(CouncilUser user)
    {
        try
        {
            return await base.UpdateUserAsync(user);
        }
        finally
        {
            staffAccounts.Forget(user.Id);
        }
    }

    public override async Task<IdentityResult> DeleteAsync(CouncilUser user)
    {
        try
        {
            return await base.DeleteAsync(user);
        }
        finally
        {
            staffAccounts.Forget(user.Id);
        }
    }
}
