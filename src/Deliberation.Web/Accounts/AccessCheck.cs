using System.Security.Claims;
using Deliberation.Domain.Councils;

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
        if (access.Audience != Audience.Public && !signedIn) throw new AccessRefused("Sign in first.");
        if (signedIn && PasswordChange.IsRequired(user!)) throw new AccessRefused("Your password was reset: choose a new one first.");
        if (access.Audience == Audience.Administrator && user?.IsInRole(SiteRoles.Administrator) != true)
            throw new AccessRefused("Only a site administrator may do this.");
        if (!signedIn || councilId is null)
            return access.Audience == Audience.Council ? throw new AccessRefused("You hold no role in this council.") : null;

        var actor = await CouncilActors.ResolveAsync(user!, actors, councilId);
        if (access.Audience == Audience.Council && !(access.Roles.Count == 0 ? actor.Roles.Count > 0 : access.Roles.Any(r => actor.Holds(r))))
            throw new AccessRefused(access.Roles.Count == 0 ? "You hold no role in this council."
                : $"This needs one of these roles in this council: {string.Join(", ", access.Roles)}.");
        return actor;
    }
}

/// <summary>A caller the access rule excludes. Its message starts with <see cref="AccessGate.RefusalTitle"/>.</summary>
public sealed class AccessRefused(string detail) : Exception($"{AccessGate.RefusalTitle}: {detail}")
{
    public string Detail { get; } = detail;

    /// <summary>The refusal again from its message (as it crosses between silos, Grains/Refusals.cs).</summary>
    public static AccessRefused FromMessage(string message) =>
        new(message.StartsWith($"{AccessGate.RefusalTitle}: ", StringComparison.Ordinal) ? message[(AccessGate.RefusalTitle.Length + 2)..] : message);
}
