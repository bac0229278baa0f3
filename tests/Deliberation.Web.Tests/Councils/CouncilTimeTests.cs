using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Deliberation.Domain;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>
/// The public pages tell times on the council's clock (its time-zone setting), not the server's: every date and time a
/// visitor reads is the instant in its <c>datetime</c> attribute, in the council's zone; when the clerk changes the zone,
/// the pages follow (also the ones a visitor was served from the cache).
/// </summary>
public sealed partial class CouncilTimeTests
{
    private static readonly string[] Pages =
    [
        "/councils/lakeside/items/item-demo-kiosks", "/councils/lakeside/items/item-demo-canteen", "/councils/lakeside/board",
        "/councils/lakeside/meetings/archive",
    ];

    [Fact]
    public async Task ThePublicPagesTellTimesInTheCouncilsTimeZoneAndFollowItsChange()
    {
        using var app = new CouncilApp();
        var visitor = app.Visitor();
        foreach (var page in Pages) await ExpectTimesInAsync(visitor, page, "Asia/Shanghai");

        var clerk = await app.SignedInAs("clerk");
        await (await clerk.Post("/api/councils/lakeside/meeting-practice", new { timeZoneId = "America/New_York", reason = "测试时区" }))
            .Expect(HttpStatusCode.OK);

        foreach (var page in Pages) await ExpectTimesInAsync(visitor, page, "America/New_York");
    }

    private static async Task ExpectTimesInAsync(HttpClient visitor, string page, string zone)
    {
        var times = Html.Parse(await visitor.GetStringAsync(page)).QuerySelectorAll("time[datetime]")
            .Where(t => Shown().IsMatch(t.TextContent.Trim())).ToList();
        Assert.True(times.Count > 0, $"{page} shows no date or time");
        foreach (var time in times)
        {
            var text = time.TextContent.Trim();
            var at = DateTimeOffset.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture);
            var expected = CouncilTime.InZone(at, zone).ToString(text.Length > 10 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(expected == text, $"{page}: {at:O} is shown as {text}, not {expected} ({zone})");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d( \d\d:\d\d)?$")]
    private static partial Regex Shown();
}
