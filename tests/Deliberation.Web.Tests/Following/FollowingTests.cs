using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Following;

/// <summary>Anyone signed in, verified or not, may follow what they may read, from the API and from the item page.</summary>
public sealed class FollowingTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnUnverifiedSignUpFollowsADisclosedItemAndFindsItInTheirList()
    {
        var newcomer = await _app.SignUpAsync("follower1");

        var state = await (await newcomer.Post("/api/councils/lakeside/items/item-demo-road/follow")).Expect(HttpStatusCode.OK);
        var list = await (await newcomer.GetAsync("/api/account/following")).Expect(HttpStatusCode.OK);

        Assert.True(state.GetProperty("following").GetBoolean());
        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal("item-demo-road", entry.GetProperty("itemId").GetString());
        Assert.Equal("村道硬化工程", entry.GetProperty("title").GetString());
    }

    [Fact]
    public async Task FollowingAnItemTheFollowerMayNotReadIsRefusedAsIfItDidNotExist()
    {
        var newcomer = await _app.SignUpAsync("follower2");
        var eventsBefore = await _app.CountEventsAsync();

        var hidden = await (await newcomer.Post("/api/councils/lakeside/items/item-demo-lights/follow")).ExpectProblem(HttpStatusCode.NotFound);
        var missing = await (await newcomer.Post("/api/councils/lakeside/items/item-nothing-here/follow")).ExpectProblem(HttpStatusCode.NotFound);

        Assert.Equal(hidden.GetProperty("detail").GetString(), missing.GetProperty("detail").GetString());
        Assert.Equal(eventsBefore, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task FollowingTwiceRecordsOnceAndUnfollowingRemovesIt()
    {
        var resident = await _app.SignedInAs("resident");
        await (await resident.Post("/api/councils/lakeside/items/item-demo-kiosks/follow")).Expect(HttpStatusCode.OK);
        var eventsAfterFirst = await _app.CountEventsAsync();

        await (await resident.Post("/api/councils/lakeside/items/item-demo-kiosks/follow")).Expect(HttpStatusCode.OK);
        var eventsAfterSecond = await _app.CountEventsAsync();
        var stopped = await (await resident.Post("/api/councils/lakeside/items/item-demo-kiosks/unfollow")).Expect(HttpStatusCode.OK);

        Assert.Equal(eventsAfterFirst, eventsAfterSecond);
        Assert.False(stopped.GetProperty("following").GetBoolean());
        Assert.Empty((await (await resident.GetAsync("/api/account/following")).Expect(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task OnePersonsFollowsAreNotAnothersAndStayOutOfTheItemsPublicRecord()
    {
        var resident = await _app.SignedInAs("resident");
        var other = await _app.SignUpAsync("follower3");

        await (await resident.Post("/api/councils/lakeside/items/item-demo-road/follow")).Expect(HttpStatusCode.OK);

        Assert.Empty((await (await other.GetAsync("/api/account/following")).Expect(HttpStatusCode.OK)).EnumerateArray());
        var item = await (await _app.Visitor().GetAsync("/api/councils/lakeside/items/item-demo-road")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("Followed", item.GetProperty("timeline").ToString());
    }

    [Fact]
    public async Task TheItemPagesButtonFollowsWithoutScriptAndTheListPageShowsTheItem()
    {
        var newcomer = await _app.SignUpAsync("follower4");
        var page = await newcomer.GetStringAsync("/councils/lakeside/items/item-demo-road");
        var button = Html.Parse(page).QuerySelector("form[action$='/follow']:has(input[name=follow][value=true]) button");
        Assert.Equal("关注此议题", button?.TextContent.Trim());

        var posted = await newcomer.PostAsync("/councils/lakeside/items/item-demo-road/follow", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["follow"] = "true", ["__RequestVerificationToken"] = Html.AntiforgeryToken(page) }));

        Assert.Equal("/councils/lakeside/items/item-demo-road?done=followed", posted.Headers.Location?.OriginalString);
        var after = Html.Parse(await newcomer.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.NotNull(after.QuerySelector("p.ok[role=status]"));
        Assert.Equal("取消关注", after.QuerySelector("form[action$='/follow']:has(input[name=follow][value=false]) button")?.TextContent.Trim());
        var list = Html.Parse(await newcomer.GetStringAsync("/account/following"));
        Assert.NotNull(list.QuerySelector("main a[href='/councils/lakeside/items/item-demo-road']"));
    }

    [Fact]
    public async Task TheFollowFormWithoutItsAntiforgeryTokenChangesNothing()
    {
        var newcomer = await _app.SignUpAsync("follower5");

        var posted = await newcomer.PostAsync("/councils/lakeside/items/item-demo-road/follow",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["follow"] = "true" }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Empty((await (await newcomer.GetAsync("/api/account/following")).Expect(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task AVisitorSeesNoFollowButtonAndIsSentToSignInForTheList()
    {
        var visitor = _app.Visitor();

        var page = Html.Parse(await visitor.GetStringAsync("/councils/lakeside/items/item-demo-road"));
        var list = await visitor.GetAsync("/account/following");

        Assert.Null(page.QuerySelector("form[action$='/follow']"));
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/account/sign-in", list.Headers.Location?.OriginalString);
    }
}
