using Deliberation.Domain.Following;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Following;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Inbox;

/// <summary>The notices projection's own list of who follows each item, as of the event it is applying.</summary>
internal sealed class NoticeFollowers() : CategoryReader<FollowEvent>(FollowingGrain.Category)
{
    protected override Task ApplyAsync(string userId, FollowEvent e, LoggedEvent logged, ProjectionContext context) =>
        FollowerRows.ApplyAsync(context, "notice_followers", userId, e);

    public static Task<IReadOnlyList<string>> OfAsync(ProjectionContext context, string councilId, string itemId) =>
        context.QueryAsync("SELECT user_id FROM notice_followers WHERE council_id = @council AND item_id = @item",
            row => row.GetString(0), ("@council", councilId), ("@item", itemId));
}
