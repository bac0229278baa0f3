namespace Deliberation.Domain.Following;

/// <summary>
/// The items one person follows (关注), across councils. Anyone signed in may follow what they may read, verified or
/// not: following asks nothing of the council, so it needs no role. Following twice or unfollowing what is not
/// followed changes nothing, so a resent form or a double tap records no event.
/// </summary>
public sealed class FollowList
{
    /// <summary>Enough for the keenest resident; a bound keeps one account from growing a stream without end.</summary>
    public const int Limit = 500;

    private readonly List<FollowedItem> _items = [];

    private FollowList() { }

    public IReadOnlyList<FollowedItem> Items => _items;

    public static FollowList Empty() => new();

    public static FollowList Replay(IEnumerable<FollowEvent> events)
    {
        var list = new FollowList();
        foreach (var e in events) list.Apply(e);
        return list;
    }

    public bool Follows(string councilId, string itemId) => _items.Contains(new FollowedItem(councilId, itemId));

    public IReadOnlyList<FollowEvent> Follow(string councilId, string itemId)
    {
        Require(councilId, nameof(councilId));
        Require(itemId, nameof(itemId));
        if (Follows(councilId, itemId)) return [];
        if (_items.Count >= Limit)
            throw FollowRefusals.TooMany.With(Limit).Invalid(nameof(itemId));
        return Raise(new ItemFollowed(councilId, itemId));
    }

    public IReadOnlyList<FollowEvent> Unfollow(string councilId, string itemId) =>
        Follows(councilId, itemId) ? Raise(new ItemUnfollowed(councilId, itemId)) : [];

    private IReadOnlyList<FollowEvent> Raise(FollowEvent e)
    {
        Apply(e);
        return [e];
    }

    public void Apply(FollowEvent e)
    {
        switch (e)
        {
            case ItemFollowed f: _items.Add(new FollowedItem(f.CouncilId, f.ItemId)); break;
            case ItemUnfollowed u: _items.Remove(new FollowedItem(u.CouncilId, u.ItemId)); break;
        }
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw FollowRefusals.NameItem.Invalid(name);
    }
}
