using Deliberation.Web.Errors;
using System.Globalization;
using Deliberation.Domain;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Meetings;

/// <summary>
/// A meeting's times in its council's zone, named where they are shown ("19:30 (北京时间)"), so that a member abroad or a
/// server in another zone reads the hall's clock; and a time typed into a form, which carries no zone, read in it.
/// </summary>
public static class MeetingTimes
{
    public static string Format(DateTimeOffset at, string zoneId, UiText text) =>
        $"{CouncilTime.InZone(at, zoneId).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({ZoneName(zoneId, text)})";

    /// <summary>The zone's name in the viewer's language where we have one (北京时间 / China Standard Time), else its id.</summary>
    public static string ZoneName(string zoneId, UiText text)
    {
        var key = $"time.zone.{zoneId}";
        var name = text[key];
        return name == key ? zoneId : name;
    }

    /// <summary>A browser's date-time field (no zone) as the council's local time.</summary>
    public static DateTimeOffset ParseLocal(string? value, string zoneId, string field = "StartsAt") =>
        DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? CouncilTime.FromLocal(local, zoneId)
            : throw WebRefusals.MeetingTime.Invalid(field);

    /// <summary>The value a date-time field shows for the moment, in the council's zone.</summary>
    public static string LocalInput(DateTimeOffset at, string zoneId) =>
        CouncilTime.InZone(at, zoneId).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
