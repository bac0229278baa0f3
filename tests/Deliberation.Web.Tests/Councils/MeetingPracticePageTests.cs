using System.Globalization;
using System.Net;
using Deliberation.Domain;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>
/// The clerk sets the council's time zone and each speaker's minutes from a page that works without script: the change
/// is on the council's record and the meeting pages tell times in the new zone; a wrong field comes back named, tied to
/// its message, with nothing written; nobody but the clerk may change it.
/// </summary>
public sealed class MeetingPracticePageTests(MeetingPracticePageTests.App app) : IClassFixture<MeetingPracticePageTests.App>
{
    public sealed class App() : CouncilApp(seedDemo: true);

    private const string Page = "/councils/lakeside/meeting-practice";

    [Fact]
    public async Task TheClerkChangesTheZoneAndTheMinutesAndTheMeetingPageTellsTimesInTheNewZone()
    {
        var clerk = await app.SignedInAs("clerk");
        var overview = Html.Parse(await clerk.GetStringAsync("/councils/lakeside"));
        Assert.NotNull(overview.QuerySelector($"a[href='{Page}']"));
        var page = await clerk.GetStringAsync(Page);
        Assert.Equal(CouncilTime.DefaultZoneId, Html.Parse(page).QuerySelectorAll("select#zone option").First().GetAttribute("value"));

        var posted = await clerk.PostAsync(Page, Form(page, "America/New_York", "5", "海外成员参会"));

        Assert.Equal($"{Page}?done=saved", posted.Headers.Location?.OriginalString);
        var council = await (await clerk.GetAsync("/api/councils/lakeside")).Expect(HttpStatusCode.OK);
        Assert.Equal("America/New_York", council.GetProperty("timeZoneId").GetString());
        Assert.Equal(5, council.GetProperty("speakingMinutes").GetInt32());
        var after = Html.Parse(await clerk.GetStringAsync($"{Page}?done=saved"));
        Assert.NotNull(after.QuerySelector("p.ok[role=status]"));
        Assert.Equal("America/New_York", after.QuerySelector("select#zone option[selected]")?.GetAttribute("value"));
        Assert.Equal("5", after.QuerySelector("input#minutes")?.GetAttribute("value"));
        // A meeting's view is reused for a quarter second (MeetingPush.ChangeWindow); the test clock stands still.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var time = Html.Parse(await app.Visitor().GetStringAsync("/councils/lakeside/meetings/meeting-demo-next")).QuerySelector("time[datetime]")!;
        var at = DateTimeOffset.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture);
        Assert.StartsWith(CouncilTime.InZone(at, "America/New_York").ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), time.TextContent.Trim());
        Assert.Contains("America/New_York", time.TextContent);

        // And back, so that the other tests of this class meet the council as the demo has it.
        await clerk.PostAsync(Page, Form(await clerk.GetStringAsync(Page), CouncilTime.DefaultZoneId, "3", "恢复"));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "3", "zone")]
    [InlineData("Asia/Shanghai", "0", "minutes")]
    [InlineData("Asia/Shanghai", "61", "minutes")]
    [InlineData("Asia/Shanghai", "三", "minutes")]
    public async Task AWrongFieldComesBackNamedAndTiedToItsMessageAndNothingIsWritten(string zone, string minutes, string field)
    {
        var clerk = await app.SignedInAs("clerk");
        var page = await clerk.GetStringAsync(Page);
        var before = await app.CountEventsAsync();

        var posted = await clerk.PostAsync(Page, Form(page, zone, minutes, "试一试"));
        var back = Html.Parse(await clerk.GetStringAsync(posted.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(before, await app.CountEventsAsync());
        Assert.NotNull(back.QuerySelector($"p.error[role=alert] a[href='#{field}']"));
        var input = back.QuerySelector($"#{field}")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.True(input.HasAttribute("autofocus"));
        Assert.Contains($"{field}-error", input.GetAttribute("aria-describedby")!.Split(' '));
        Assert.NotNull(back.QuerySelector($"p#{field}-error.error"));
        Assert.Equal("试一试", back.QuerySelector("input#reason")?.GetAttribute("value"));
    }

    [Fact]
    public async Task NobodyButTheClerkSeesThePageOrChangesTheSetting()
    {
        var chair = await app.SignedInAs("chair");
        var before = await app.CountEventsAsync();

        var seen = await chair.GetAsync(Page);
        var posted = await chair.PostAsync(Page, Form(await chair.GetStringAsync("/account"), "America/New_York", "9", "主持人想改"));
        var anonymous = await app.Visitor().PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["TimeZoneId"] = "America/New_York", ["SpeakingMinutes"] = "9",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, seen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.False(anonymous.IsSuccessStatusCode);
        Assert.NotEqual($"{Page}?done=saved", anonymous.Headers.Location?.OriginalString);
        Assert.Equal(before, await app.CountEventsAsync());
        Assert.NotEqual(9, (await (await chair.GetAsync("/api/councils/lakeside")).Expect(HttpStatusCode.OK)).GetProperty("speakingMinutes").GetInt32());
    }

    private static FormUrlEncodedContent Form(string page, string zone, string minutes, string reason) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        ["TimeZoneId"] = zone, ["SpeakingMinutes"] = minutes, ["Reason"] = reason,
    });
}
