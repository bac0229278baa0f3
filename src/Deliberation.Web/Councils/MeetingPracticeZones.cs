using System.Globalization;
using Deliberation.Domain;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Councils;

/// <summary>
/// The time zones the clerk's page offers: China Standard Time first (almost every council keeps it), then a short
/// list of zones a council or its members abroad may keep, and whatever the council keeps now if it is none of them.
/// </summary>
public static class MeetingPracticeZones
{
    private static readonly string[] Common =
    [
        CouncilTime.DefaultZoneId, "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo",
        "Asia/Seoul", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC",
    ];

    /// <summary>The zones to choose from, each once, those this machine knows, with <paramref name="kept"/> among them.</summary>
    public static IReadOnlyList<string> Offered(params string[] kept) =>
        Common.Concat(kept).Where(CouncilTime.IsKnownZone).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>"纽约 · America/New_York (UTC−05:00)": the place in the reader's language, the id, the offset now.</summary>
    public static string Label(string zoneId, UiText text, DateTimeOffset now)
    {
        var key = $"practice.zone.{zoneId}";
        var name = text[key];
        var offset = CouncilTime.Zone(zoneId).GetUtcOffset(now);
        var utc = $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";
        return name == key ? $"{zoneId} ({utc})" : $"{name} · {zoneId} ({utc})";
    }
}
