using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Deliberation.Bench.Shared;

/// <summary>The benches' voters: accounts made in bulk and the session cookies a password sign-in would give them.</summary>
public static class BenchSessions
{
    /// <summary>
    /// Local accounts without passwords, in batches; with an issuer, each linked as an external login (issuer + subject =
    /// its id) so that a staff token of that issuer signs it in.
    /// </summary>
    public static async Task CreateAccountsAsync(IServiceProvider services, string[] ids, string? linkedIssuer = null)
    {
        foreach (var batch in ids.Chunk(500))
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CouncilUser>>();
            var store = scope.ServiceProvider.GetRequiredService<IUserStore<CouncilUser>>();
            // One commit per batch instead of two per account; UserManager still does the rest (names, stamps, checks).
            store.GetType().GetProperty("AutoSaveChanges")!.SetValue(store, false);
            var db = scope.ServiceProvider.GetRequiredService<DeliberationDb>();
            var created = new List<CouncilUser>();
            foreach (var id in batch)
            {
                var user = new CouncilUser { Id = id, UserName = id, DisplayName = id, CreatedAt = DateTimeOffset.UtcNow };
                Check(await users.CreateAsync(user), id);
                created.Add(user);
            }
            await db.SaveChangesAsync();
            if (linkedIssuer is null) continue;
            foreach (var user in created)
                Check(await users.AddLoginAsync(user, new UserLoginInfo(linkedIssuer, user.Id, "Bench issuer")), user.Id);
            await db.SaveChangesAsync();
        }

        static void Check(IdentityResult result, string id)
        {
            if (!result.Succeeded) throw new InvalidOperationException($"Account {id}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>
    /// The session cookie a password sign-in would set, without the PBKDF2 work: the account's principal from the app's
    /// claims factory, protected with the app's own cookie ticket format (its data protection keys), issued now.
    /// </summary>
    public static async Task<string[]> CookiesAsync(IServiceProvider services, string[] ids)
    {
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cookies = new string[ids.Length];
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CouncilUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CouncilUser>>();
        for (var i = 0; i < ids.Length; i++)
        {
            var user = await users.FindByIdAsync(ids[i]) ?? throw new InvalidOperationException($"No account {ids[i]}.");
            var now = DateTimeOffset.UtcNow;
            var ticket = new AuthenticationTicket(await principals.CreateAsync(user),
                new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(2) }, IdentityConstants.ApplicationScheme);
            cookies[i] = $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
        }
        return cookies;
    }
}

/// <summary>The whole machine's CPU (this process, PostgreSQL, everything), from /proc/stat; NaN where there is none.</summary>
public readonly record struct MachineCpu(long Busy, long Total)
{
    public static MachineCpu Now()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4]; // idle + iowait
            return new MachineCpu(fields.Sum() - idle, fields.Sum());
        }
        catch (IOException) { return new MachineCpu(0, 0); }
        catch (UnauthorizedAccessException) { return new MachineCpu(0, 0); }
    }

    public double BusySince(MachineCpu earlier) =>
        Total == earlier.Total ? double.NaN : (double)(Busy - earlier.Busy) / (Total - earlier.Total);
}
