using Deliberation.Domain.Councils;

namespace Deliberation.Domain;

/// <summary>The process allows the action now, but not for this person.</summary>
public sealed class NotPermitted : Exception
{
    public NotPermitted(Said said) : base(said.Text) => said.Stamp(this);

    /// <summary>Only these roles may do it: "Only a Chair or Clerk may open the meeting."</summary>
    public static NotPermitted Requires(RefusalText attempted, params CouncilRole[] roles) =>
        new(CommonRefusals.RolesOnly.With(RefusalPart.Roles(roles), attempted));
}
