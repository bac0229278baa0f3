using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>
/// The clerk keeps the council's departments and volunteer groups from a page that works without script, naming their
/// people by user name or phone number; an unknown one comes back as a message with nothing written; only the clerk may.
/// </summary>
public sealed class ServicesPageTests(ServicesPageTests.App app) : IClassFixture<ServicesPageTests.App>
{
    public sealed class App() : CouncilApp(seedDemo: true);

    private const string Page = "/councils/lakeside/services";

    [Fact]
    public async Task TheClerkRecordsADepartmentAndAVolunteerGroupByTheirPeoplesLogins()
    {
        var clerk = await app.SignedInAs("clerk");
        Assert.NotNull(Html.Parse(await clerk.GetStringAsync("/councils/lakeside")).QuerySelector($"a[href='{Page}']"));
        var (works, volunteer) = (await (await app.SignedInAs("works")).IdOfAsync(), await (await app.SignedInAs("volunteer")).IdOfAsync());

        var department = await clerk.PostAsync($"{Page}/department", Form(await clerk.GetStringAsync(Page), new()
        {
            ["Id"] = "water-office", ["Name"] = "镇水务站", ["Contact"] = "0571-8888", ["Logins"] = "works\r\n13900000008\r\n", ["Reason"] = "管网维修",
        }));
        var group = await clerk.PostAsync($"{Page}/group", Form(await clerk.GetStringAsync(Page), new()
        {
            ["Id"] = "youth-team", ["Name"] = "青年志愿队", ["Logins"] = "volunteer", ["Reason"] = "新成立",
        }));

        Assert.Equal($"{Page}?done=department", department.Headers.Location?.OriginalString);
        Assert.Equal($"{Page}?done=group", group.Headers.Location?.OriginalString);
        var services = await (await clerk.GetAsync("/api/councils/lakeside/services")).Expect(HttpStatusCode.OK);
        var recorded = services.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "water-office");
        Assert.Equal("镇水务站", recorded.GetProperty("name").GetString());
        Assert.Equal([works, volunteer], recorded.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
        var team = services.GetProperty("volunteerGroups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "youth-team");
        Assert.Equal([volunteer], team.GetProperty("members").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("青年志愿队", await clerk.GetStringAsync(Page));
    }

    [Fact]
    public async Task AnUnknownLoginComesBackAsAMessageAndNothingIsWritten()
    {
        var clerk = await app.SignedInAs("clerk");
        var before = await app.CountEventsAsync();

        var posted = await clerk.PostAsync($"{Page}/group", Form(await clerk.GetStringAsync(Page), new()
        {
            ["Id"] = "ghosts", ["Name"] = "无人队", ["Logins"] = "volunteer\nnobody-at-all",
        }));
        var back = Html.Parse(await clerk.GetStringAsync(posted.Headers.Location!.OriginalString));

        Assert.Contains("nobody-at-all", back.QuerySelector("p.error[role=alert]")?.TextContent);
        Assert.Equal(before, await app.CountEventsAsync());
    }

    [Fact]
    public async Task NobodyButTheClerkSeesThePageOrRecordsADepartment()
    {
        var chair = await app.SignedInAs("chair");
        var before = await app.CountEventsAsync();

        var seen = await chair.GetAsync(Page);
        var posted = await chair.PostAsync($"{Page}/department", Form(await chair.GetStringAsync("/account"), new()
        {
            ["Id"] = "chairs-office", ["Name"] = "主持人办公室",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, seen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(before, await app.CountEventsAsync());
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }
}
