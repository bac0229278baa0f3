using System.Collections.Concurrent;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Accounts;

/// <summary>
/// Each account's security stamp, remembered briefly per node so a session's every request does not read the accounts
/// table. Every change to an account (a reset, a new password) is told to every node before it is answered
/// (<see cref="CouncilUserManager"/> through <see cref="IChangeNotices"/>), so a reset on one node ends the sessions on
/// another at once; the short lifetime bounds what a node that missed the notice may still believe.
/// </summary>
public sealed class SessionStamps(TimeProvider clock) : IForgetsOnNotice
{
    internal const int Capacity = 100_000;
    internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset Expires)> _stamps = new();
    private long _changes;

    /// <summary>The account's current stamp; <paramref name="read"/> reads it (null: no such account) on a miss.</summary>
    public async Task<string?> CurrentAsync(string userId, Func<string, Task<(bool Found, string? Stamp)>> read)
    {
        if (_stamps.TryGetValue(userId, out var known) && known.Expires > clock.GetUtcNow()) return known.Stamp;
        var before = Interlocked.Read(ref _changes);
        var (found, stamp) = await read(userId);
        if (!found) return null;
        if (_stamps.Count >= Capacity) _stamps.Clear();
        _stamps[userId] = (stamp, clock.GetUtcNow() + Lifetime);
        // A change told while the row was read may not be in what was read.
        if (Interlocked.Read(ref _changes) != before) _stamps.TryRemove(userId, out _);
        return stamp;
    }

    public void Forget(ChangeNotice notice)
    {
        if (notice.Kind != ChangeNotice.Account) return;
        Interlocked.Increment(ref _changes);
        _stamps.TryRemove(notice.Key, out _);
    }
}
