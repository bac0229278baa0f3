using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Accounts;

public enum SignInOutcome { SignedIn, WrongCredentials, LockedOut, HeldBack }

/// <summary>How a sign-in went; <paramref name="RetryAfter"/> says how long a lockout or a hold-back lasts.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, CouncilUser? User, TimeSpan RetryAfter = default);

/// <summary>Sign-in by user name or phone number, with lockout; shared by the API and the sign-in page.</summary>
public sealed class SignInService(SignInManager<CouncilUser> signIn, UserManager<CouncilUser> users, AccountLockout lockout,
    SignInThrottle throttle, IHttpContextAccessor http, Deliberation.Web.Hosting.DeliberationDb db, UnknownLoginHash unknownLogin)
{

    public async Task<SignInAttempt> SignInAsync(string login, string password, bool remember)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "local";
        // Resolved first, so a user name and a phone number of one account share one hold-back.
        var user = await FindAsync(login);
        var subject = SignInThrottle.Subject(user, login);
        if (throttle.HeldBackFor(address, subject) is { } wait) return new(SignInOutcome.HeldBack, null, wait);

        if (user is null)
        {
            // Hashing a password is most of a sign-in's time; an unknown login hashes too, so timing does not tell who exists.
            unknownLogin.Check(password);
            throttle.Failed(address, subject);
            return new(SignInOutcome.WrongCredentials, null);
        }
        if (lockout.LockedFor(user) is { } locked) return new(SignInOutcome.LockedOut, null, locked);

        if (!await users.CheckPasswordAsync(user, password) || !await signIn.CanSignInAsync(user))
        {
            throttle.Failed(address, subject);
            return await lockout.WrongPasswordAsync(user) is { } lockedNow
                ? new(SignInOutcome.LockedOut, null, lockedNow)
                : new(SignInOutcome.WrongCredentials, null);
        }

        throttle.Succeeded(address, subject);
        await lockout.SignedInAsync(user);
        await signIn.SignInWithClaimsAsync(user, remember, [new System.Security.Claims.Claim("amr", "pwd")]);
        return new(SignInOutcome.SignedIn, user);
    }

    /// <summary>Whether the owner has something to see first: a reset password to replace, or lockouts they missed.</summary>
    public async Task<bool> HasNewsAsync(CouncilUser user) =>
        await AccountMarks.HasAsync(db, user.Id, AccountMarks.MustChangePassword) || await AccountMarks.HasAsync(db, user.Id, AccountMarks.LockoutNotice);

    public Task<bool> IsAdministratorAsync(CouncilUser user) => users.IsInRoleAsync(user, SiteRoles.Administrator);

    public async Task<CouncilUser?> FindAsync(string login)
    {
        login = login.Trim();
        if (login.Length == 0) return null;
        return await users.FindByNameAsync(login)
            ?? await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == login);
    }
}
