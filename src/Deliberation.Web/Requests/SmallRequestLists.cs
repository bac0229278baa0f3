using Deliberation.Web.Errors;
using System.Globalization;
using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Requests;

/// <summary>
/// A council's small requests from the read model (<see cref="SmallRequestListProjection"/>), a keyset page at a time:
/// the council's (newest change first), and the lists of the volunteer's phone view (<see cref="Mine"/>), each an
/// indexed read. The keys: <c>updated_at</c> as read models keep times (newest first), or the day needed (soonest first).
/// </summary>
public static class SmallRequestLists
{
    public static readonly KeysetOrder Newest = new("updated_at", "request_id", Descending: true);
    public static readonly KeysetOrder Soonest = new("needed_by", "request_id", Descending: false);

    /// <summary>The lists of <c>/requests/mine</c>, by the name its sections and pager links carry.</summary>
    public static readonly IReadOnlyList<string> Mine = ["taken", "to-take", "done-by-me", "posted-open", "posted-done"];

    public static bool IsNewestKey(string key) =>
        DateTimeOffset.TryParseExact(key, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>Whether <paramref name="key"/> is a cursor key of the list <paramref name="list"/> (null: the council's).</summary>
    public static Func<string, bool> IsKeyOf(string? list) => OrderOf(list) == Soonest ? Keyset.IsDay : IsNewestKey;

    /// <summary>One page of every request of the council, newest change first.</summary>
    public static Task<KeysetPage<SmallRequestSummary>> CouncilsAsync(ProjectionRunner readSide, string councilId, Keyset? after, int size) =>
        PageAsync(readSide, "council_id = @council", [("@council", councilId)], Newest, after, null, size);

    /// <summary>One page of one of <see cref="Mine"/> for <paramref name="me"/>, a member of the volunteer groups <paramref name="groups"/>.</summary>
    public static Task<KeysetPage<SmallRequestSummary>> MineAsync(ProjectionRunner readSide, string councilId, string list, Actor me,
        IReadOnlyCollection<string> groups, Keyset? after, Keyset? before, int size)
    {
        var (where, parameters) = Where(councilId, list, me, groups);
        return PageAsync(readSide, where, parameters, OrderOf(list), after, before, size);
    }

    /// <summary>How many requests one of <see cref="Mine"/> holds for <paramref name="me"/>.</summary>
    public static async Task<int> CountAsync(ProjectionRunner readSide, string councilId, string list, Actor me, IReadOnlyCollection<string> groups)
    {
        var (where, parameters) = Where(councilId, list, me, groups);
        var counts = await readSide.QueryAsync(SmallRequestListProjection.ProjectionName, $"SELECT COUNT(*) FROM request_list WHERE {where}",
            r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), [.. parameters]);
        return counts[0];
    }

    private static KeysetOrder OrderOf(string? list) => list is "taken" or "to-take" ? Soonest : Newest;

    private static (string Where, List<(string, object?)> Parameters) Where(string councilId, string list, Actor me, IReadOnlyCollection<string> groups)
    {
        var parameters = new List<(string, object?)> { ("@council", councilId), ("@me", me.UserId) };
        var where = list switch
        {
            "taken" => "volunteer_id = @me AND status = 'Taken'",
            "done-by-me" => "volunteer_id = @me AND status IN ('Done', 'Confirmed')",
            "posted-open" => "posted_by = @me AND status IN ('Open', 'Dispatched', 'Taken')",
            "posted-done" => "posted_by = @me AND status IN ('Done', 'Confirmed')",
            "to-take" => ToTake(me, groups, parameters),
            _ => throw WebRefusals.NoSuchList.With(list).Invalid(nameof(list)),
        };
        return ($"council_id = @council AND {where}", parameters);
    }

    /// <summary>Open ones for a volunteer; dispatched ones to them or to a group they are in.</summary>
    private static string ToTake(Actor me, IReadOnlyCollection<string> groups, List<(string, object?)> parameters)
    {
        var names = groups.Select((g, i) => (Name: $"@group{i}", Group: g)).ToList();
        parameters.AddRange(names.Select(n => (n.Name, (object?)n.Group)));
        var dispatched = names.Count == 0 ? "volunteer_id = @me" : $"volunteer_id = @me OR group_id IN ({string.Join(", ", names.Select(n => n.Name))})";
        var open = me.Holds(CouncilRole.Volunteer) ? "status = 'Open' OR " : "";
        return $"status IN ('Open', 'Dispatched') AND ({open}(status = 'Dispatched' AND ({dispatched})))";
    }

    private static Task<KeysetPage<SmallRequestSummary>> PageAsync(ProjectionRunner readSide, string where, List<(string, object?)> parameters,
        KeysetOrder order, Keyset? after, Keyset? before, int size) =>
        readSide.PageAsync(SmallRequestListProjection.ProjectionName, "SELECT summary FROM request_list", where, parameters, order,
            r => JsonSerializer.Deserialize<SmallRequestSummary>(r.GetString(0), EventJson.Options)!,
            order == Soonest ? SoonestKey : NewestKey, after, before, size);

    private static Keyset SoonestKey(SmallRequestSummary r) => new(r.NeededBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Id);

    private static Keyset NewestKey(SmallRequestSummary r) => new(ReadModelTime.Format(r.UpdatedAt), r.Id);
}
