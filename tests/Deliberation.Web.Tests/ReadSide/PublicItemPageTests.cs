using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.ReadSide;

/// <summary>A visitor's item page is rendered once per state of the log: served again while nothing changes, never stale after a change.</summary>
public sealed class PublicItemPageTests : IDisposable
{
    private const string Page = "/councils/lakeside/items/item-demo-kiosks";
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AVisitorSeesAnObjectionOnTheItemPageRightAfterItIsRaised()
    {
        var visitor = _app.Visitor();
        await visitor.GetStringAsync(Page); // the first rendering, stored
        var before = await visitor.GetStringAsync(Page);
        var again = await visitor.GetStringAsync(Page);

        var resident = await _app.SignedInAs("resident");
        await (await resident.Post("/api/councils/lakeside/items/item-demo-kiosks/object", new { text = "亭子挡住了盲道" })).Expect(HttpStatusCode.OK);
        var after = await visitor.GetStringAsync(Page);

        // Each rendering carries its own encrypted component state, so equal answers are one rendering served twice.
        Assert.Equal(before, again);
        Assert.DoesNotContain("亭子挡住了盲道", before);
        Assert.Contains("亭子挡住了盲道", after);
    }

    [Fact]
    public async Task AnEventOnAnotherItemLeavesTheCachedPageAsItWas()
    {
        var visitor = _app.Visitor();
        await visitor.GetStringAsync(Page); // the first rendering, stored
        var before = await visitor.GetStringAsync(Page);

        var clerk = await _app.SignedInAs("clerk");
        await (await clerk.Post("/api/councils/lakeside/items/item-demo-lights/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);
        var afterOtherItem = await visitor.GetStringAsync(Page);
        await (await clerk.Post("/api/councils/lakeside/items/item-demo-kiosks/dismiss-objection", new { objectionNo = 1, reason = "已核实" })).Expect(HttpStatusCode.OK);
        var afterThisItem = await visitor.GetStringAsync(Page);

        // Equal answers are one rendering served twice (each rendering carries its own encrypted component state).
        Assert.Equal(before, afterOtherItem);
        Assert.NotEqual(before, afterThisItem);
        Assert.Contains("已核实", afterThisItem);
    }

    [Fact]
    public async Task TheCachedPageFollowsTheVisitorsLanguage()
    {
        var chinese = await _app.Visitor().GetStringAsync(Page);
        var english = _app.Visitor();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var inEnglish = await english.GetStringAsync(Page);

        Assert.Contains("<html lang=\"zh", chinese);
        Assert.Contains("<html lang=\"en\"", inEnglish);
    }
}
