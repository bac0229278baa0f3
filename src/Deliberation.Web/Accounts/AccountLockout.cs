using Deliberation.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Accounts;

/// <summary>Wrong passwords from anywhere lock an account; each lockout since the last good sign-in lasts twice as long.</summary>
public sealed class LockoutOptions
{
    public const string Section = "Lockout";

    public int WrongPasswords { get; set; } = 5;
    public int FirstLockoutSeconds { get; set; } = 60;
    public int LongestLockoutMinutes { get; set; } = 60;
}

/// <summary>
/// Counts wrong passwords per account on the app's clock, in single statements so parallel guesses all count, and
/// records each lockout for the owner to see. Identity's own counter is not used for sign-in by password.
/// </summary>
public sealed class AccountLockout(DeliberationDb db, TimeProvider clock, IOptions<LockoutOptions> options, StaffAccountCache staffAccounts)
{
    public TimeSpan? LockedFor(CouncilUser user)
    {
        var left = user.LockoutEnd - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts a wrong password; when it is the one too many, locks the account and says for how long.</summary>
    public async Task<TimeSpan?> WrongPasswordAsync(CouncilUser user)
    {
        if (!user.LockoutEnabled) return null;
        var limit = options.Value.WrongPasswords;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1));
        var now = clock.GetUtcNow();
        var streak = await AccountMarks.GetAsync<LockoutMark>(db, user.Id, AccountMarks.LockoutStreak);
        var length = LockoutLength((streak?.Count ?? 0) + 1);
        // Only the request that takes the counter over the limit locks; the others saw it counted.
        var locked = await db.Users.Where(u => u.Id == user.Id && u.AccessFailedCount >= limit)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)(now + length)));
        await db.Entry(user).ReloadAsync();
        if (locked == 0) return null;
        // Written past Identity's user manager, so the remembered token mapping must be told here.
        staffAccounts.Forget(user.Id);
        await AccountMarks.SetAsync(db, user.Id, AccountMarks.LockoutStreak, new LockoutMark((streak?.Count ?? 0) + 1, now));
        return length;
    }

    /// <summary>A good sign-in: the count starts again, and the lockouts since the last one become the owner's notice.</summary>
    public async Task SignedInAsync(CouncilUser user)
    {
        if (user.AccessFailedCount != 0)
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0));
        var streak = await AccountMarks.GetAsync<LockoutMark>(db, user.Id, AccountMarks.LockoutStreak);
        if (streak is not null)
        {
            await AccountMarks.SetAsync(db, user.Id, AccountMarks.LockoutNotice, streak);
            await AccountMarks.RemoveAsync(db, user.Id, AccountMarks.LockoutStreak);
        }
        else await AccountMarks.RemoveAsync(db, user.Id, AccountMarks.LockoutNotice);
        await db.Entry(user).ReloadAsync();
    }

    private TimeSpan LockoutLength(int lockout)
    {
        var seconds = options.Value.FirstLockoutSeconds * Math.Pow(2, Math.Min(lockout - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.Value.LongestLockoutMinutes * 60.0));
    }
}
