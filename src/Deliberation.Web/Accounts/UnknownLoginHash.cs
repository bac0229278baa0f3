using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Accounts;

/// <summary>
/// The hash an unknown login's password is checked against, so that signing in as nobody costs what a wrong password
/// costs and the time taken does not tell who has an account. Made once per app, with the app's own hashing settings
/// (a hash kept once per process would carry whichever app's settings came first).
/// </summary>
public sealed class UnknownLoginHash
{
    private readonly PasswordHasher<CouncilUser> _hasher;
    private readonly Lazy<string> _hash;

    public UnknownLoginHash(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<CouncilUser>(options);
        _hash = new(() => _hasher.HashPassword(new CouncilUser(), Guid.NewGuid().ToString()));
    }

    public void Check(string password) => _hasher.VerifyHashedPassword(new CouncilUser(), _hash.Value, password);
}
