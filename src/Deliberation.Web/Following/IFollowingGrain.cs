using Deliberation.Domain.Councils;
using Deliberation.Domain.Following;
using Orleans;

namespace Deliberation.Web.Following;

/// <summary>The items one person follows. Keyed by the person's user id; only they act on it.</summary>
public interface IFollowingGrain : IGrainWithStringKey
{
    /// <summary>Follows an item the person may read; refused as not found otherwise, saying no more than the item page would.</summary>
    Task<IReadOnlyList<FollowedItem>> FollowAsync(string councilId, string itemId, Actor by);

    Task<IReadOnlyList<FollowedItem>> UnfollowAsync(string councilId, string itemId, Actor by);

    Task<IReadOnlyList<FollowedItem>> GetAsync();
}
