using Deliberation.Domain.Following;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Following;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Inbox;

/// <summary>The notices projection's own list of who follows each item, as of the event it is applying.</summary>
internal sealed class NoticeFollowers() : CategoryReader<FollowEvent>(FollowingGrain.Category)
{
    protected override async Task ApplyAsync(string userId, FollowEvent e, LoggedEvent logged, ProjectionContext context)
    {
        switch (e)
        {
            case ItemFollowed f:
                await context.ExecuteAsync("INSERT INTO notice_followers (council_id, item_id, user_id) VALUES (@council, @item, @user) " +
                    "ON CONFLICT (council_id, item_id, user_id) DO NOTHING", ("@council", f.CouncilId), ("@item", f.ItemId), ("@user", userId));
                break;
            case ItemUnfollowed u:
                await context.ExecuteAsync("DELETE FROM notice_followers WHERE council_id = @council AND item_id = @item AND user_id = @user",
                    ("@council", u.CouncilId), ("@item", u.ItemId), ("@user", userId));
                break;
        }
    }

    public static Task<IReadOnlyList<string>> OfAsync(ProjectionContext context, string councilId, string itemId) =>
        context.QueryAsync("SELECT user_id FROM notice_followers WHERE council_id = @council AND item_id = @item",
            row => row.GetString(0), ("@council", councilId), ("@item", itemId));
}
