using System.Security.Claims;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Accounts;

/// <summary>The claims of a sign-in: Identity's own, plus whether the password must be changed first.</summary>
public sealed class CouncilClaims(UserManager<CouncilUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, DeliberationDb db)
    : UserClaimsPrincipalFactory<CouncilUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CouncilUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await AccountMarks.HasAsync(db, user.Id, AccountMarks.MustChangePassword))
            identity.AddClaim(new Claim(PasswordChange.Claim, "true"));
        return identity;
    }
}
