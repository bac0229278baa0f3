using System.Security.Claims;
using Deliberation.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// The user a live screen's circuit carries: the principal the app's own sign-in would make for a demo account
/// (the same claims factory), or nobody for a signed-out visitor.
/// </summary>
public static class CircuitUsers
{
    public static async Task<ClaimsPrincipal> PrincipalAsync(CouncilApp app, string? login)
    {
        if (login is null) return new ClaimsPrincipal(new ClaimsIdentity());
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CouncilUser>>().FindByNameAsync(login)
            ?? throw new InvalidOperationException($"There is no account {login}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CouncilUser>>().CreateAsync(user);
    }

    public static async Task<AuthenticationStateProvider> AuthenticationAsync(CouncilApp app, string? login) =>
        new Fixed(await PrincipalAsync(app, login));

    private sealed class Fixed(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
