using System.Collections.Concurrent;
using System.Security.Claims;

namespace Deliberation.Web.Accounts;

/// <summary>
/// The local account behind a token's issuer and subject, remembered for a minute so a staff member's every request
/// does not query the accounts tables. Bounded; an account's entries are forgotten as soon as the account changes
/// (roles, lockout, password reset, logins: see CouncilUserManager), and the minute bounds what another node may
/// still remember.
/// </summary>
public sealed class StaffAccountCache(TimeProvider clock) : Deliberation.Web.Grains.IForgetsOnNotice
{
    internal const int Capacity = 10_000;
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Issuer, string Subject), Entry> _entries = new();
    private long _changes;

    /// <summary>Taken before a lookup and given to <see cref="Remember"/>, so an answer older than a change is not kept.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    public StaffAccount? Find(string issuer, string subject) =>
        _entries.TryGetValue((issuer, subject), out var entry) && entry.Expires > clock.GetUtcNow() ? entry.Account : null;

    public void Remember(string issuer, string subject, StaffAccount account, long changesBefore)
    {
        if (_entries.Count >= Capacity) MakeRoom();
        _entries[(issuer, subject)] = new Entry(account, clock.GetUtcNow() + Lifetime);
        // A change that landed during the lookup may not be in these claims.
        if (Changes != changesBefore) _entries.TryRemove((issuer, subject), out _);
    }

    public void Forget(string userId)
    {
        Interlocked.Increment(ref _changes);
        foreach (var (key, entry) in _entries)
            if (entry.Account.UserId == userId) _entries.TryRemove(key, out _);
    }

    public void Forget(Deliberation.Web.Grains.ChangeNotice notice)
    {
        if (notice.Kind == Deliberation.Web.Grains.ChangeNotice.Account) Forget(notice.Key);
    }

    private void MakeRoom()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _entries)
            if (entry.Expires <= now) _entries.TryRemove(key, out _);
        if (_entries.Count >= Capacity) _entries.Clear();
    }

    private sealed record Entry(StaffAccount Account, DateTimeOffset Expires);
}

/// <summary>What a token's subject maps to: the local account's claims, and its last password reset (tokens issued
/// before it are refused).</summary>
public sealed record StaffAccount(string UserId, Claim[] Claims, DateTimeOffset? LastResetAt);
