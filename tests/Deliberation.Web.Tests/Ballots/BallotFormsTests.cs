using System.Net;
using AngleSharp.Html.Dom;
using Deliberation.Web.Tests.Hosting;
using static Deliberation.Web.Tests.Ballots.BodyBallotSteps;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// Ballots between options and paper ballots run from the meeting page without script, and their count shown on the
/// public pages (the kiosks item is disclosed, so its ballots are public once closed).
/// </summary>
public sealed class BallotFormsTests : IAsyncLifetime
{
    private readonly CouncilApp _app = new();
    private HttpClient _chair = null!;
    private string _page = "";

    public async Task InitializeAsync()
    {
        _chair = await _app.SignedInAs("chair");
        var meeting = await _app.BodyInSessionAsync("election", "simple-majority", [new("chair", 1), new("member1", 1), new("member3", 1)]);
        _page = meeting.Replace("/api/councils", "/councils");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MembersMarkOptionsOnTheirFormsAndThePublicSeesWhoWasChosen()
    {
        await Submit(_chair, [new("Action", "open-ballot"), new("Kind", "Named"), new("OptionLines", "王\n李\n赵"), new("MaxChoices", "2"),
            new("SelectionRuleId", "plurality")], "open-ballot");

        var ballotId = "";
        foreach (var (login, marks) in new[] { ("chair", new[] { "王", "李" }), ("member1", ["李"]), ("member3", ["李", "王"]) })
        {
            var client = await _app.SignedInAs(login);
            var form = (await Page(client)).QuerySelector("form.vote")!;
            Assert.Equal(3, form.QuerySelectorAll("input[type=checkbox][name=Options]").Length);
            ballotId = form.QuerySelector("input[name=BallotId]")!.GetAttribute("value")!;
            await Submit(client, [.. Hidden(form), .. marks.Select(m => new KeyValuePair<string, string>("Options", m))], "vote");
        }
        await Submit(_chair, [new("Action", "close-ballot"), new("BallotId", ballotId)], "close-ballot");

        var item = Html.Parse(await _app.Visitor().GetStringAsync("/councils/lakeside/items/item-demo-kiosks"));
        // The item has an earlier ballot too (the demo's past meeting): this one's section.
        var status = item.QuerySelector($"section[aria-labelledby='ballot-{ballotId}'] [role=status]")!.TextContent;
        Assert.Contains("李", status);
        Assert.Contains("王", status);
        Assert.DoesNotContain("赵", status);
    }

    [Fact]
    public async Task APaperBallotsHandCountIsMarkedOnEveryPublicPageThatShowsIt()
    {
        await Submit(_chair, [new("Action", "open-ballot"), new("Kind", "Paper"), new("OptionLines", ""), new("MaxChoices", "1")], "open-ballot");
        var member = await _app.SignedInAs("member1");
        Assert.Empty((await Page(member)).QuerySelectorAll("form.vote"));
        var ballotId = (await Page(_chair)).QuerySelector("form input[name=Action][value=hand-count]")!.Closest("form")!
            .QuerySelector("input[name=BallotId]")!.GetAttribute("value")!;

        await Submit(_chair, [new("Action", "hand-count"), new("BallotId", ballotId), new("ForMembers", "2"), new("AgainstMembers", "1"),
            new("AbstainMembers", "0"), new("CountedBy", "王秘书\n孙网格员")], "hand-count");

        foreach (var path in new[] { _page, "/councils/lakeside/items/item-demo-kiosks" })
        {
            var page = Html.Parse(await _app.Visitor().GetStringAsync(path));
            var card = page.QuerySelector($"section[aria-labelledby='ballot-{ballotId}']")!;
            Assert.Contains("人工计票", card.TextContent);
            Assert.Contains("王秘书、孙网格员", card.TextContent);
        }
        var view = await (await _chair.GetAsync($"/api/councils/lakeside/ballots/{ballotId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, view.GetProperty("result").GetProperty("forMembers").GetInt32());
    }

    private async Task<IHtmlDocument> Page(HttpClient client) => Html.Parse(await client.GetStringAsync(_page));

    private static List<KeyValuePair<string, string>> Hidden(AngleSharp.Dom.IElement form) =>
        form.QuerySelectorAll("input[type=hidden]:not([name=__RequestVerificationToken])").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();

    private async Task Submit(HttpClient client, List<KeyValuePair<string, string>> fields, string done)
    {
        var page = await Page(client);
        fields.Add(new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        var posted = await client.PostAsync($"{_page}/act", new FormUrlEncodedContent(fields));
        Assert.True($"{_page}?done={done}" == posted.Headers.Location?.OriginalString, $"{posted.StatusCode} {posted.Headers.Location} {await posted.Content.ReadAsStringAsync()}");
    }
}
