using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>The clerk's printable invitation, issued through the page's form, and redeemed through the join page.</summary>
public sealed class InvitationsPageTests
{
    [Fact]
    public async Task ClerkIssuesAPrintableCodeWithAQrAndAResidentJoinsWithIt()
    {
        using var app = new CouncilApp();
        var clerk = await app.SignedInAs("clerk");
        var form = await clerk.GetStringAsync("/councils/lakeside/invitations");

        var issued = await clerk.PostAsync("/councils/lakeside/invitations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "invite", ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
            ["Form.Household"] = "7-1-302", ["Form.Grid"] = "7",
        }));
        var page = Html.Parse(await issued.Content.ReadAsStringAsync());
        var code = page.QuerySelector(".code strong")?.TextContent;
        var qr = page.QuerySelector("img[src^='data:image/png;base64,']");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Matches("^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", code);
        Assert.NotNull(qr);
        Assert.False(string.IsNullOrEmpty(qr!.GetAttribute("alt")));

        var visitor = await app.SignedInAs("visitor");
        var join = await visitor.GetStringAsync($"/account/join?council=lakeside&code={code}");
        var joined = await visitor.PostAsync("/account/join", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "join", ["__RequestVerificationToken"] = Html.AntiforgeryToken(join),
            ["Form.Council"] = "lakeside", ["Form.Code"] = code!,
        }));
        Assert.Contains("class=\"ok\"", await joined.Content.ReadAsStringAsync());
        await (await visitor.Post("/api/councils/lakeside/items/item-demo-kiosks/object", new { text = "太近了" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefused()
    {
        using var app = new CouncilApp();
        var clerk = await app.SignedInAs("clerk");

        var response = await clerk.PostAsync("/councils/lakeside/invitations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "invite", ["Form.Household"] = "7-1-302", ["Form.Grid"] = "7",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
