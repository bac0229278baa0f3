using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>The clerk manages roles and resets passwords from the page, each change on the council's record.</summary>
public sealed class PeoplePageTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ClerkGrantsAReviewerRoleByPhoneNumberAndRevokesIt()
    {
        var clerk = await _app.SignedInAs("clerk");
        var page = await clerk.GetStringAsync("/councils/lakeside/people");

        var granted = await clerk.PostAsync("/councils/lakeside/people/grant", Form(page, new()
        {
            ["Login"] = "13900000007", ["Role"] = "Reviewer", ["Body"] = "", ["Reason"] = "镇法律顾问",
        }));
        Assert.Equal("/councils/lakeside/people?done=grant", granted.Headers.Location?.OriginalString);
        var visitorReviewer = await _app.SignedInAs("visitor");
        await (await visitorReviewer.Post("/api/councils/lakeside/items/item-demo-parking/approve-review", new { opinion = "x" }))
            .ExpectProblem(HttpStatusCode.Conflict);

        var after = await clerk.GetStringAsync("/councils/lakeside/people");
        var row = Html.Parse(after).QuerySelectorAll("table.people tr").Single(r => r.TextContent.Contains("访客 Visitor"));
        var revoked = await clerk.PostAsync("/councils/lakeside/people/revoke", Form(after, row.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")));

        Assert.Equal("/councils/lakeside/people?done=revoke", revoked.Headers.Location?.OriginalString);
        await (await visitorReviewer.Post("/api/councils/lakeside/items/item-demo-parking/approve-review", new { opinion = "x" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AGrantForAnUnknownAccountComesBackAsAMessage()
    {
        var clerk = await _app.SignedInAs("clerk");
        var page = await clerk.GetStringAsync("/councils/lakeside/people");

        var posted = await clerk.PostAsync("/councils/lakeside/people/grant", Form(page, new() { ["Login"] = "nobody", ["Role"] = "Chair", ["Reason"] = "x" }));
        var back = Html.Parse(await clerk.GetStringAsync(posted.Headers.Location!.OriginalString));

        Assert.NotNull(back.QuerySelector("p.error[role=alert]"));
    }

    [Fact]
    public async Task ClerkResetsAPasswordFromThePage()
    {
        await _app.VerifiedResidentAsync("joined-wu");
        var clerk = await _app.SignedInAs("clerk");
        var page = await clerk.GetStringAsync("/councils/lakeside/people");
        var residentId = Html.Parse(page).QuerySelectorAll("#reset-user option").Single(o => o.TextContent.Contains("joined-wu")).GetAttribute("value")!;

        var posted = await clerk.PostAsync("/councils/lakeside/people/reset-password", Form(page, new()
        {
            ["UserId"] = residentId, ["NewPassword"] = "wu-new-password", ["Reason"] = "本人到村委会办理",
        }));

        Assert.Equal("/councils/lakeside/people?done=reset-password", posted.Headers.Location?.OriginalString);
        await _app.SignedInAs("joined-wu", "wu-new-password");
    }

    [Fact]
    public async Task AResetTheClerkMayNotMakeComesBackAsAMessage()
    {
        var clerk = await _app.SignedInAs("clerk");
        var page = await clerk.GetStringAsync("/councils/lakeside/people");
        var chairId = Html.Parse(page).QuerySelectorAll("#reset-user option").Single(o => o.TextContent.Contains("Chair Li")).GetAttribute("value")!;

        var posted = await clerk.PostAsync("/councils/lakeside/people/reset-password", Form(page, new()
        {
            ["UserId"] = chairId, ["NewPassword"] = "taken-over-1", ["Reason"] = "x",
        }));

        Assert.Contains("error=", posted.Headers.Location?.OriginalString);
        await _app.SignedInAs("chair");
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }
}
