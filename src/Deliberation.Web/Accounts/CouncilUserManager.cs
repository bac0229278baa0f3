using Deliberation.Web.Grains;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Accounts;

/// <summary>
/// Identity's user manager, which also tells every node's account caches (staff tokens, session stamps) when an account
/// changed, before the change is answered: every change Identity makes (roles, lockout, password, security stamp,
/// logins) is saved through <see cref="UpdateUserAsync"/>.
/// </summary>
public sealed class CouncilUserManager(
    IUserStore<CouncilUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<CouncilUser> passwordHasher,
    IEnumerable<IUserValidator<CouncilUser>> userValidators, IEnumerable<IPasswordValidator<CouncilUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<CouncilUser>> logger,
    IChangeNotices notices)
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
            await notices.TellEveryNodeAsync(new ChangeNotice(ChangeNotice.Account, user.Id));
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
            await notices.TellEveryNodeAsync(new ChangeNotice(ChangeNotice.Account, user.Id));
        }
    }
}
