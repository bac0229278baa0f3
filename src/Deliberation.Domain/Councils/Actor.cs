namespace Deliberation.Domain.Councils;

/// <summary>A role someone holds in a council; a Member's is for one body, with a weight (floor area, households, or 1).</summary>
public sealed record RoleGrant(CouncilRole Role, string? Body, decimal Weight);

/// <summary>Who is acting, with the roles they hold in the council concerned.</summary>
public sealed record Actor(string UserId, IReadOnlyCollection<RoleGrant> Roles)
{
    public static Actor Nobody(string userId) => new(userId, []);

    /// <summary>With a body: the role for that body. Without: the role at all.</summary>
    public bool Holds(CouncilRole role, string? body = null) =>
        Roles.Any(r => r.Role == role && (body is null || r.Body == body));
}
