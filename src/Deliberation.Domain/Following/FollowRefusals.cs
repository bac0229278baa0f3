namespace Deliberation.Domain.Following;

/// <summary>What following refuses, in its own words (see <see cref="RefusalText"/>).</summary>
public static class FollowRefusals
{
    public static readonly RefusalText TooMany = new("follow.too-many", "You follow {0} items already; stop following some before you add more.");
    public static readonly RefusalText NameItem = new("follow.name-item", "Name the item to follow.");
}
