using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Requests;

public sealed class VolunteerPhoneApp : CouncilApp;

/// <summary>
/// The volunteer's phone view (<c>/councils/{c}/requests/mine</c>), over HTTP: what they took with its day, reported
/// done from the list with a note, late ones flagged, in both languages. Each test posts its own request.
/// </summary>
public sealed class VolunteerPhoneViewTests(VolunteerPhoneApp app) : IClassFixture<VolunteerPhoneApp>
{
    private const string Requests = "/api/councils/lakeside/requests";
    private const string Mine = "/councils/lakeside/requests/mine";

    [Fact]
    public async Task AVolunteerReportsATakenRequestDoneWithANoteFromTheList()
    {
        var (resident, volunteer) = (await app.SignedInAs("resident"), await app.SignedInAs("volunteer"));
        var neededBy = Today().AddDays(20);
        var id = await PostAsync(resident, "帮忙修自行车", neededBy);
        await (await volunteer.Post($"{Requests}/{id}/take")).Expect(HttpStatusCode.OK);

        var page = await volunteer.GetStringAsync(Mine);
        var card = Card(page, "taken", id);
        Assert.NotNull(card);
        Assert.Equal(neededBy.ToString("yyyy-MM-dd"), card.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.False(card.ClassList.Contains("overdue"));
        Assert.Null(card.QuerySelector(".badge.error"));
        Assert.NotNull(card.QuerySelector("textarea[name=Text][required]"));
        Assert.Null(Card(page, "done-by-me", id));

        var posted = await volunteer.PostAsync($"/councils/lakeside/requests/{id}/act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "report-done", ["Back"] = "mine", ["Text"] = "链条已换好，试骑正常",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{Mine}?done=report-done", posted.Headers.Location?.OriginalString);
        var after = await volunteer.GetStringAsync(Mine);
        Assert.Null(Card(after, "taken", id));
        Assert.NotNull(Card(after, "done-by-me", id));
        var stored = await (await volunteer.GetAsync($"{Requests}/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Done", stored.GetProperty("status").GetString());
        Assert.Equal("链条已换好，试骑正常", stored.GetProperty("report").GetString());
    }

    [Fact]
    public async Task ATakenRequestNotDoneByItsDayIsFlaggedOnReloadInBothLanguages()
    {
        var (resident, volunteer) = (await app.SignedInAs("resident"), await app.SignedInAs("volunteer"));
        var id = await PostAsync(resident, "帮忙搬米上楼", Today().AddDays(1));
        await (await volunteer.Post($"{Requests}/{id}/take")).Expect(HttpStatusCode.OK);
        Assert.False(Card(await volunteer.GetStringAsync(Mine), "taken", id)!.ClassList.Contains("overdue"));

        app.Clock.Advance(TimeSpan.FromDays(3));

        volunteer = await app.SignedInAs("volunteer");
        var late = Card(await volunteer.GetStringAsync(Mine), "taken", id);
        Assert.True(late!.ClassList.Contains("overdue"));
        Assert.Contains("逾期", late.QuerySelector(".badge.error")!.TextContent);
        var english = await PageInAsync(volunteer, "en");
        Assert.Contains("Taken by me", english.QuerySelector("#taken")!.TextContent);
        Assert.Contains("Overdue", english.QuerySelector($"a[href$='/{id}']")!.Closest("li")!.QuerySelector(".badge.error")!.TextContent,
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SomeoneWhoDidNotTakeItCannotReportItDone()
    {
        var (resident, volunteer, other) = (await app.SignedInAs("resident"), await app.SignedInAs("volunteer"), await app.SignedInAs("member1"));
        var id = await PostAsync(resident, "帮忙取快递", Today().AddDays(20));
        await (await volunteer.Post($"{Requests}/{id}/take")).Expect(HttpStatusCode.OK);
        var page = await other.GetStringAsync(Mine);
        Assert.Null(Card(page, "taken", id));

        var posted = await other.PostAsync($"/councils/lakeside/requests/{id}/act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "report-done", ["Back"] = "mine", ["Text"] = "我来", ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }));

        Assert.StartsWith($"{Mine}?error=", posted.Headers.Location?.OriginalString);
        Assert.Equal("Taken", (await (await volunteer.GetAsync($"{Requests}/{id}")).Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    private DateOnly Today() => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static async Task<string> PostAsync(HttpClient resident, string title, DateOnly neededBy) =>
        (await (await resident.Post(Requests, new { title, details = "", category = "维修 Repairs", place = "5组3号", neededBy }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static AngleSharp.Dom.IElement? Card(string page, string section, string id) =>
        Html.Parse(page).QuerySelector($"section[aria-labelledby={section}] a[href$='/{id}']")?.Closest("li");

    // One visit in a language by the query string (the page's switch sets a cookie instead).
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageInAsync(HttpClient client, string language) =>
        Html.Parse(await client.GetStringAsync($"{Mine}?culture={language}"));
}
