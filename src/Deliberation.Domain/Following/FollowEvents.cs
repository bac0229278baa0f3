namespace Deliberation.Domain.Following;

/// <summary>A change to one person's list of followed items. Kept in their own stream, never in the item's public record.</summary>
public abstract record FollowEvent;

public sealed record ItemFollowed(string CouncilId, string ItemId) : FollowEvent;

public sealed record ItemUnfollowed(string CouncilId, string ItemId) : FollowEvent;

/// <summary>One followed item, as the person's list holds it.</summary>
public sealed record FollowedItem(string CouncilId, string ItemId);
