using System.Collections.Concurrent;
using Deliberation.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Accounts;

/// <summary>
/// Wrong passwords for one login from one address are held back before they reach the account's lockout, so a
/// single address cannot lock someone out. Unknown logins count the same, so the answer says nothing about who exists.
/// Kept in memory: several app processes each hold back on their own, which only makes the limit per process.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<RateLimitOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new();

    public TimeSpan? HeldBackFor(string address, string login)
    {
        if (!_failures.TryGetValue(Key(address, login), out var failures)) return null;
        var left = failures.Since + Window - clock.GetUtcNow();
        return failures.Count >= options.Value.WrongPasswordsPerAccountAndAddress && left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string address, string login)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > 10_000)
            foreach (var (key, value) in _failures)
                if (value.Since + Window < now) _failures.TryRemove(key, out _);
        _failures.AddOrUpdate(Key(address, login), (1, now),
            (_, old) => old.Since + Window < now ? (1, now) : (old.Count + 1, old.Since));
    }

    public void Succeeded(string address, string login) => _failures.TryRemove(Key(address, login), out _);

    private static string Key(string address, string login) => $"{address}\n{login.Trim().ToLowerInvariant()}";
}
