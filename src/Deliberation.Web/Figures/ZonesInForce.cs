using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Councils;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Figures;

/// <summary>
/// Each council's time zone as the figures' log has reached it, so that a fact counts in the month its event happened
/// on the council's clock as it then was. Kept in the projection's own table (<c>figures_zones</c>: one row per council
/// that set a zone, written with the batch that applied its <see cref="MeetingPracticeSet"/>), so a rebuild follows the
/// zone changes in log order and never asks a grain or reads a council's stream; the memory is checked against the
/// table once per batch (another node may have applied the change).
/// </summary>
public sealed class ZonesInForce
{
    private const string Prefix = CouncilGrain.Category + "-";

    public const string Schema =
        "CREATE TABLE IF NOT EXISTS figures_zones (council_id TEXT NOT NULL PRIMARY KEY, zone_id TEXT NOT NULL, position BIGINT NOT NULL)";

    private readonly Dictionary<string, string> _zones = new(StringComparer.Ordinal);
    private long? _through;

    /// <summary>Before a batch: reads the table again if it holds a change this memory has not seen.</summary>
    public async Task RefreshAsync(ProjectionContext context)
    {
        var latest = (await context.QueryAsync("SELECT COALESCE(MAX(position), 0) FROM figures_zones",
            r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)))[0];
        if (latest == _through) return;
        _zones.Clear();
        foreach (var (council, zone) in await context.QueryAsync("SELECT council_id, zone_id FROM figures_zones",
                     r => (r.GetString(0), r.GetString(1))))
            _zones[council] = zone;
        _through = latest;
    }

    /// <summary>A council's event in the batch: a change of zone is in force from here on.</summary>
    public async Task FollowAsync(long position, EventEnvelope e, ProjectionContext context)
    {
        if (!e.StreamId.StartsWith(Prefix, StringComparison.Ordinal) || e.EventType != nameof(MeetingPracticeSet)) return;
        if (EventCodec<CouncilEvent>.Instance.Decode(e) is not MeetingPracticeSet set) return;
        var council = e.StreamId[Prefix.Length..];
        await context.ExecuteAsync("INSERT INTO figures_zones (council_id, zone_id, position) VALUES (@council, @zone, @position) " +
            "ON CONFLICT (council_id) DO UPDATE SET zone_id = excluded.zone_id, position = excluded.position",
            ("@council", council), ("@zone", set.TimeZoneId), ("@position", position));
        _zones[council] = set.TimeZoneId;
        _through = position;
    }

    /// <summary>The council's zone now, as far as the log is applied: China Standard Time until it set another.</summary>
    public string Of(string councilId) => _zones.GetValueOrDefault(councilId, CouncilTime.DefaultZoneId);

    /// <summary>After a rollback the memory may hold changes that were never applied: read the table again.</summary>
    public void Forget()
    {
        _zones.Clear();
        _through = null;
    }
}
