using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Accounts;

public enum SignInOutcome { SignedIn, WrongCredentials, LockedOut }

/// <summary>Sign-in by user name or phone number, with lockout; shared by the API and the sign-in page.</summary>
public sealed class SignInService(SignInManager<CouncilUser> signIn, UserManager<CouncilUser> users)
{
    public async Task<(SignInOutcome Outcome, CouncilUser? User)> SignInAsync(string login, string password, bool remember)
    {
        var user = await FindAsync(login);
        if (user is null) return (SignInOutcome.WrongCredentials, null);
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut) return (SignInOutcome.LockedOut, user);
        return result.Succeeded ? (SignInOutcome.SignedIn, user) : (SignInOutcome.WrongCredentials, null);
    }

    public Task<bool> IsAdministratorAsync(CouncilUser user) => users.IsInRoleAsync(user, SiteRoles.Administrator);

    public async Task<CouncilUser?> FindAsync(string login)
    {
        login = login.Trim();
        if (login.Length == 0) return null;
        return await users.FindByNameAsync(login)
            ?? await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == login);
    }
}
