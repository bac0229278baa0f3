using Deliberation.Domain.Following;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Following;

/// <summary>Who follows each item, from every person's follow and unfollow events, so "who follows item X" is one index read.</summary>
public sealed class FollowersProjection : IProjection
{
    public const string ProjectionName = "item-followers";
    private const string Prefix = FollowingGrain.Category + "-";

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
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

    public IReadOnlyList<string> Tables { get; } = ["item_followers"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var (_, e) in events)
        {
            if (!e.StreamId.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var userId = e.StreamId[Prefix.Length..];
            switch (EventCodec<FollowEvent>.Instance.Decode(e))
            {
                case ItemFollowed f:
                    await context.ExecuteAsync("INSERT INTO item_followers (council_id, item_id, user_id) VALUES (@council, @item, @user) " +
                        "ON CONFLICT (council_id, item_id, user_id) DO NOTHING", ("@council", f.CouncilId), ("@item", f.ItemId), ("@user", userId));
                    break;
                case ItemUnfollowed u:
                    await context.ExecuteAsync("DELETE FROM item_followers WHERE council_id = @council AND item_id = @item AND user_id = @user",
                        ("@council", u.CouncilId), ("@item", u.ItemId), ("@user", userId));
                    break;
            }
        }
    }

    public void Forget() { }
}
