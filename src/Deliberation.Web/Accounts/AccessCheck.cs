using System.Security.Claims;
using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Web.Errors;

namespace Deliberation.Web.Accounts;

/// <summary>
/// An <see cref="AccessAttribute"/> checked for a caller outside an HTTP request: a hub method (<see cref="HubAccess"/>)
/// or a live screen's event handler (<see cref="Meetings.LiveMeetingActions"/>). One rule for both, as the gate applies
/// it to endpoints.
/// </summary>
public static class AccessCheck
{
    /// <summary>The caller's roles in the council (null when signed out or no council is named), or a refusal.</summary>
    /// <exception cref="AccessRefused">The rule excludes this caller.</exception>
    public static async Task<Actor?> ActorAsync(AccessAttribute access, ClaimsPrincipal? user, string? councilId, CouncilActorCache actors)
    {
        var signedIn = user?.Identity?.IsAuthenticated == true;
        if (access.Audience != Audience.Public && !signedIn) throw new AccessRefused(WebRefusals.SignInFirst);
        if (signedIn && PasswordChange.IsRequired(user!)) throw new AccessRefused(WebRefusals.PasswordReset);
        if (access.Audience == Audience.Administrator && user?.IsInRole(SiteRoles.Administrator) != true)
            throw new AccessRefused(WebRefusals.AdministratorsOnly);
        if (!signedIn || councilId is null)
            return access.Audience == Audience.Council ? throw new AccessRefused(WebRefusals.NoRoleHere) : null;

        var actor = await CouncilActors.ResolveAsync(user!, actors, councilId);
        if (access.Audience == Audience.Council && !(access.Roles.Count == 0 ? actor.Roles.Count > 0 : access.Roles.Any(r => actor.Holds(r))))
            throw new AccessRefused(AccessGate.RefusalFor(access));
        return actor;
    }
}

/// <summary>A caller the access rule excludes. Its message starts with <see cref="AccessGate.RefusalTitle"/>.</summary>
public sealed class AccessRefused : Exception
{
    /// <param name="said">Why, after the title (<see cref="WebRefusals"/>).</param>
    public AccessRefused(Said said) : base($"{AccessGate.RefusalTitle}: {said.Text}")
    {
        Detail = said.Text;
        said.Stamp(this);
    }

    public string Detail { get; }

    /// <summary>The refusal again from what crossed between silos (Grains/Refusals.cs): its words, else its message.</summary>
    public static AccessRefused FromMessage(string message, Said? said) =>
        new(said ?? Said.Verbatim(message.StartsWith($"{AccessGate.RefusalTitle}: ", StringComparison.Ordinal) ? message[(AccessGate.RefusalTitle.Length + 2)..] : message));
}
