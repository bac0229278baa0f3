using Deliberation.Domain.Following;
using Deliberation.Runtime.Projections;

namespace Deliberation.Web.Following;

/// <summary>
/// A table of who follows each item (<c>council_id, item_id, user_id</c>) kept from a person's follow and unfollow
/// events: the followers projection's own, and the notices projection's copy, each on its own checkpoint.
/// </summary>
internal static class FollowerRows
{
    public static Task ApplyAsync(ProjectionContext context, string table, string userId, FollowEvent e) => e switch
    {
        ItemFollowed f => context.ExecuteAsync($"INSERT INTO {table} (council_id, item_id, user_id) VALUES (@council, @item, @user) " +
            "ON CONFLICT (council_id, item_id, user_id) DO NOTHING", ("@council", f.CouncilId), ("@item", f.ItemId), ("@user", userId)),
        ItemUnfollowed u => context.ExecuteAsync($"DELETE FROM {table} WHERE council_id = @council AND item_id = @item AND user_id = @user",
            ("@council", u.CouncilId), ("@item", u.ItemId), ("@user", userId)),
        _ => Task.CompletedTask,
    };
}
