using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Accounts;

/// <summary>Who reset the password, when, and in which council; shown to the account's owner.</summary>
public sealed record PasswordResetMark(DateTimeOffset At, string ByUserId, string ByName, string CouncilId);

/// <summary>How often wrong passwords locked the account, and when last.</summary>
public sealed record LockoutMark(int Count, DateTimeOffset LastAt);

/// <summary>
/// Facts kept with an account in Identity's user-token table, so existing databases need no new column. Written
/// straight to that table, never through the user row, so they cannot overwrite a concurrent sign-in's counters.
/// </summary>
public static class AccountMarks
{
    private const string Provider = "deliberation";
    public const string MustChangePassword = "must-change-password";
    public const string LastReset = "password-reset";
    /// <summary>Lockouts since the last good sign-in: each one lasts longer.</summary>
    public const string LockoutStreak = "lockout-streak";
    /// <summary>The lockouts the owner missed, shown from their next good sign-in on.</summary>
    public const string LockoutNotice = "lockout-notice";

    public static async Task<T?> GetAsync<T>(DeliberationDb db, string userId, string name) where T : class
    {
        var value = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name)
            .Select(t => t.Value).FirstOrDefaultAsync();
        return value is null ? null : JsonSerializer.Deserialize<T>(value, EventJson.Options);
    }

    public static Task<bool> HasAsync(DeliberationDb db, string userId, string name) =>
        db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name);

    public static async Task SetAsync<T>(DeliberationDb db, string userId, string name, T value)
    {
        var json = JsonSerializer.Serialize(value, EventJson.Options);
        var updated = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, json));
        if (updated > 0) return;
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = name, Value = json });
        await db.SaveChangesAsync();
    }

    public static Task RemoveAsync(DeliberationDb db, string userId, string name) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name).ExecuteDeleteAsync();
}
