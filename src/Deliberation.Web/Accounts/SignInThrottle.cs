using System.Collections.Concurrent;
using Deliberation.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Accounts;

/// <summary>
/// Wrong passwords for one account from one address are held back before they reach the account's lockout, so a
/// single address cannot lock someone out. Counted per account, not per login as typed: an account answers to its user
/// name and its phone number, and the lockout counts both together. Unknown logins count per normalised login, the
/// same way, so the answer says nothing about who exists.
/// Kept in memory: several app processes each hold back on their own, which only makes the limit per process.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<RateLimitOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new();

    /// <summary>What the hold-back counts: the account when the login names one, else the login as normalised.</summary>
    public static string Subject(CouncilUser? account, string login) =>
        account is not null ? $"account:{account.Id}" : $"login:{login.Trim().ToLowerInvariant()}";

    public TimeSpan? HeldBackFor(string address, string subject)
    {
        if (!_failures.TryGetValue(Key(address, subject), out var failures)) return null;
        var left = failures.Since + Window - clock.GetUtcNow();
        return failures.Count >= options.Value.WrongPasswordsPerAccountAndAddress && left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string address, string subject)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > 10_000)
            foreach (var (key, value) in _failures)
                if (value.Since + Window < now) _failures.TryRemove(key, out _);
        _failures.AddOrUpdate(Key(address, subject), (1, now),
            (_, old) => old.Since + Window < now ? (1, now) : (old.Count + 1, old.Since));
    }

    public void Succeeded(string address, string subject) => _failures.TryRemove(Key(address, subject), out _);

    private static string Key(string address, string subject) => $"{address}\n{subject}";
}
