using System.Text.Json;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Inbox;

/// <summary>A person's notices and unread count, each one index read of the notices projection.</summary>
public static class Notices
{
    public const int PageSize = 100;

    public static Task<IReadOnlyList<Notice>> ListAsync(ProjectionRunner readSide, string userId, int limit = PageSize) =>
        readSide.QueryAsync(NoticesProjection.ProjectionName,
            "SELECT notice_id, council_id, kind, subject_id, link, args, occurred_at, is_read FROM notices " +
            $"WHERE user_id = @user ORDER BY notice_id DESC LIMIT {Math.Clamp(limit, 1, PageSize)}",
            row => new Notice(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4),
                JsonSerializer.Deserialize<List<string>>(row.GetString(5), EventJson.Options) ?? [],
                DateTimeOffset.Parse(row.GetString(6), System.Globalization.CultureInfo.InvariantCulture), row.GetInt64(7) != 0),
            ("@user", userId));

    public static async Task<long> UnreadAsync(ProjectionRunner readSide, string userId) =>
        (await readSide.QueryAsync(NoticesProjection.ProjectionName,
            "SELECT COUNT(*) FROM notices WHERE user_id = @user AND is_read = 0", row => row.GetInt64(0), ("@user", userId)))[0];
}
