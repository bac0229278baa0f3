using System.Net;
using System.Text;
using Deliberation.Web.Tests.Hosting;
using Deliberation.Web.Tests.Minutes;

namespace Deliberation.Web.Tests.Meetings;

public sealed class MeetingCalendarTests(MinutesApp app) : IClassFixture<MinutesApp>
{
    private const string Calendar = "/councils/lakeside/meetings.ics";

    [Fact]
    public async Task TheCalendarIsWellFormedICalendarWithAnEventPerMeeting()
    {
        var response = await app.Visitor().GetAsync(Calendar);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        var physical = text.Split("\r\n")[..^1];
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var events = Unfold(text);
        var meetings = await (await app.Visitor().GetAsync("/api/councils/lakeside/meetings")).Expect(HttpStatusCode.OK);
        Assert.Equal(meetings.GetArrayLength(), events.Count);
        var next = events.Single(e => e["UID"] == "meeting-demo-next@lakeside.deliberation");
        Assert.Matches(@"^\d{8}T\d{6}Z$", next["DTSTART"]);
        Assert.Matches(@"^\d{8}T\d{6}Z$", next["DTEND"]);
        Assert.Matches(@"^\d{8}T\d{6}Z$", next["DTSTAMP"]);
        Assert.Equal("0", next["SEQUENCE"]);
        Assert.Equal("村民代表会议（第 12 次）", next["SUMMARY"]);
        Assert.Equal(@"湖边议事厅 Lakeside Hall", next["LOCATION"]);
        var home = Html.Parse(await app.Visitor().GetStringAsync("/councils/lakeside"));
        Assert.NotNull(home.QuerySelector($"link[rel=alternate][type='text/calendar'][href='{Calendar}']"));
    }

    [Fact]
    public async Task EachMeetingKeepsItsUidAcrossFetchesAndNewMeetings()
    {
        var first = Unfold(await app.Visitor().GetStringAsync(Calendar)).Select(e => e["UID"]).ToList();
        var clerk = await app.SignedInAs("clerk");
        await (await clerk.Post("/api/councils/lakeside/meetings", new
        {
            bodyId = "joint-meeting", title = "联席会议, 第 1 次; 议程\\说明", startsAt = CouncilAppSteps.NextWeek, place = "村委会",
        })).Expect(HttpStatusCode.Created);

        var second = Unfold(await app.Visitor().GetStringAsync(Calendar));

        Assert.All(first, uid => Assert.Contains(second, e => e["UID"] == uid));
        Assert.Equal(first.Count + 1, second.Count);
        var added = second.Single(e => !first.Contains(e["UID"]));
        Assert.Equal(@"联席会议\, 第 1 次\; 议程\\说明", added["SUMMARY"]);
    }

    [Fact]
    public void LongLinesFoldBetweenWholeCharactersWithinSeventyFiveOctets()
    {
        var ics = new StringBuilder();
        var value = new string('湖', 60);

        Deliberation.Web.Meetings.MeetingCalendar.Fold(ics, "SUMMARY:" + value);

        var lines = ics.ToString().Split("\r\n")[..^1];
        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.Equal("SUMMARY:" + value, string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
    }

    /// <summary>Each VEVENT's properties, with folded lines joined again (RFC 5545 3.1).</summary>
    private static List<Dictionary<string, string>> Unfold(string ics)
    {
        var lines = ics.Replace("\r\n ", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            var (name, value) = (line[..colon], line[(colon + 1)..]);
            if (name == "BEGIN" && value == "VEVENT") current = new();
            else if (name == "END" && value == "VEVENT") { events.Add(current!); current = null; }
            else if (current is not null) current[name] = value;
        }
        return events;
    }
}
