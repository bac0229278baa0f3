using System.Net;
using Deliberation.Web.Demo;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Demo;

/// <summary>
/// The demo council shows both process templates at work, so every demo account has something to do, and a decided
/// item's consultation with its residents' comments.
/// </summary>
public sealed class DemoCouncilTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnItemUnderTheCommunityTemplateWaitsForTheDemoReviewer()
    {
        var reviewer = await _app.SignedInAs("reviewer");

        var item = await (await reviewer.GetAsync($"/api/councils/lakeside/items/{DemoItems.AwaitingReview}")).Expect(HttpStatusCode.OK);

        Assert.Equal("sanyi-yishen-liang-gongkai", item.GetProperty("templateId").GetString());
        Assert.Equal("review", item.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.Equal(["approve-review", "return-review"], item.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).Order());
        var page = Html.Parse(await reviewer.GetStringAsync($"/councils/lakeside/items/{DemoItems.AwaitingReview}"));
        Assert.NotNull(page.QuerySelector("form[action$='/act'] input[name=Action][value=approve-review]"));
    }

    [Fact]
    public async Task BothTemplatesAreAtWorkInTheDemo()
    {
        var clerk = await _app.SignedInAs("clerk");
        var items = await (await clerk.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        var templates = new HashSet<string>();
        foreach (var summary in items.EnumerateArray())
        {
            var id = summary.GetProperty("id").GetString();
            var item = await (await clerk.GetAsync($"/api/councils/lakeside/items/{id}")).Expect(HttpStatusCode.OK);
            if (item.GetProperty("templateId").GetString() is { } template) templates.Add(template);
        }

        Assert.Equal(["sanyi-yishen-liang-gongkai", "siyi-liang-gongkai"], templates.Order());
    }

    [Fact]
    public async Task TheKiosksItemShowsTheResidentsCommentsFromItsConsultation()
    {
        var page = Html.Parse(await _app.Visitor().GetStringAsync("/councils/lakeside/items/item-demo-kiosks"));

        var comments = page.QuerySelectorAll("#comments li.card").ToList();
        Assert.Equal(4, comments.Count);
        Assert.Contains("村口那个最好加盖子", comments[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(comments[2].QuerySelector(".comment-hidden"));
        Assert.DoesNotContain("139xxxx1234", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }
}
