namespace Deliberation.Domain;

/// <summary>The process allows the action now, but not for this person.</summary>
public sealed class NotPermitted : Exception
{
    public NotPermitted(string message) : base(message) { }

    public static NotPermitted Requires(string attempted, params string[] roles) =>
        new($"Only a {string.Join(" or ", roles)} may {attempted}.");
}
