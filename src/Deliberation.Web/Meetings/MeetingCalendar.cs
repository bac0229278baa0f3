using System.Globalization;
using System.Text;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Orleans;

namespace Deliberation.Web.Meetings;

/// <summary>
/// <c>/councils/{c}/meetings.ics</c>: the council's meetings (all held in public) as an iCalendar feed (RFC 5545), from
/// the meeting list projection. Each meeting keeps its UID for good; SEQUENCE and DTSTAMP change when its time, place
/// or title does, so calendar apps move the event instead of adding another. A meeting has no planned end: the
/// calendar shows two hours.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public static readonly TimeSpan ShownLength = TimeSpan.FromHours(2);

    public static IEndpointRouteBuilder MapMeetingCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/councils/{councilId}/meetings.ics", async (string councilId, HttpContext http, IGrainFactory grains, ProjectionRunner readSide) =>
        {
            if (!Identifiers.IsValid(councilId) || await grains.GetGrain<ICouncilGrain>(councilId).GetAsync() is not { } council)
                return Results.Problem(statusCode: 404, detail: "There is no such council.");
            var meetings = await MeetingCatalogue.EntriesAsync(readSide, councilId);
            var site = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Text(Write(council.Id, $"{council.NameZh} {council.NameEn}", meetings, site), ContentType, Encoding.UTF8);
        }).Access(Audience.Public).WithTags("Meetings").WithName("meetings-ics")
            .WithSummary("The council's meetings as iCalendar (RFC 5545)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");
        return app;
    }

    public static string Write(string councilId, string councilName, IReadOnlyList<MeetingListEntry> meetings, string site)
    {
        var ics = new StringBuilder();
        void Line(string name, string value) => Fold(ics, name + ":" + value);
        Line("BEGIN", "VCALENDAR");
        Line("VERSION", "2.0");
        Line("PRODID", "-//Deliberation//Meetings//ZH");
        Line("CALSCALE", "GREGORIAN");
        Line("METHOD", "PUBLISH");
        Line("X-WR-CALNAME", Text(councilName));
        foreach (var m in meetings)
        {
            Line("BEGIN", "VEVENT");
            Line("UID", $"{m.Id}@{councilId}.deliberation");
            Line("DTSTAMP", Utc(m.ChangedAt));
            Line("SEQUENCE", m.Sequence.ToString(CultureInfo.InvariantCulture));
            Line("DTSTART", Utc(m.StartsAt));
            Line("DTEND", Utc(m.StartsAt + ShownLength));
            Line("SUMMARY", Text(m.Title));
            Line("LOCATION", Text(m.Place));
            Line("STATUS", "CONFIRMED");
            Line("URL", $"{site}/councils/{councilId}/meetings/{m.Id}");
            Line("END", "VEVENT");
        }
        Line("END", "VCALENDAR");
        return ics.ToString();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).</summary>
    public static string Text(string value) => value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>
    /// A content line ends in CRLF and is folded so that no line exceeds 75 octets (RFC 5545 3.1): the break goes before
    /// a whole UTF-8 character, and each continuation starts with a space.
    /// </summary>
    public static void Fold(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 1;
            }
            ics.Append(element);
            octets += size;
        }
        ics.Append("\r\n");
    }
}
