using Deliberation.Domain.Following;
using Deliberation.Runtime.Projections;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Following;

/// <summary>Who follows each item, from every person's follow and unfollow events, so "who follows item X" is one index read.</summary>
public sealed class FollowersProjection() : CategoryProjection<FollowEvent>(ProjectionName, FollowingGrain.Category)
{
    public const string ProjectionName = "item-followers";

    public override IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS item_followers (
            council_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            PRIMARY KEY (council_id, item_id, user_id)
        )
        """,
    ];

    public override IReadOnlyList<string> Tables { get; } = ["item_followers"];

    protected override Task ApplyAsync(string userId, FollowEvent e, LoggedEvent logged, ProjectionContext context) =>
        FollowerRows.ApplyAsync(context, "item_followers", userId, e);
}
