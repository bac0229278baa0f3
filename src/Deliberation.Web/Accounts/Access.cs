using Deliberation.Domain.Councils;

namespace Deliberation.Web.Accounts;

/// <summary>Who may reach an endpoint or page. Every endpoint carries one; one without it is refused (fail closed).</summary>
public enum Audience
{
    /// <summary>Anyone, signed in or not. Such endpoints show only what has been disclosed.</summary>
    Public,

    /// <summary>Any signed-in account, verified or not.</summary>
    SignedIn,

    /// <summary>Someone holding one of the listed roles (any role, if none are listed) in the council named by the route's <c>councilId</c>.</summary>
    Council,

    /// <summary>A site administrator.</summary>
    Administrator,
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AccessAttribute(Audience audience, params CouncilRole[] roles) : Attribute
{
    public Audience Audience { get; } = audience;

    public IReadOnlyList<CouncilRole> Roles { get; } = roles;

    public override string ToString() =>
        Roles.Count == 0 ? Audience.ToString() : $"{Audience}({string.Join(", ", Roles)})";
}

public static class AccessEndpointExtensions
{
    public static TBuilder Access<TBuilder>(this TBuilder builder, Audience audience) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessAttribute(audience));

    public static TBuilder AccessFor<TBuilder>(this TBuilder builder, params CouncilRole[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessAttribute(Audience.Council, roles));
}
