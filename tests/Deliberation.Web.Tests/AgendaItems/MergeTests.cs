using System.Net;
using Deliberation.Web.Tests.Escalations;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.AgendaItems;

/// <summary>The clerk merges a topic by picking the item it joins, and that item shows what was merged into it.</summary>
public sealed class MergeTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheMergeFormPicksTheTargetAndTheTargetListsTheMergedTopicWithItsReason()
    {
        var (resident, clerk) = (await _app.SignedInAs("resident"), await _app.SignedInAs("clerk"));
        var item = await EscalationJourneyTests.SubmitAsync(resident);
        var page = await clerk.GetStringAsync($"/councils/lakeside/items/{item}");
        var picker = Html.Parse(page).QuerySelector("form:has(input[name=Action][value=merge]) select[name=IntoItemId]");
        Assert.NotNull(picker);
        Assert.Null(Html.Parse(page).QuerySelector("form:has(input[name=Action][value=merge]) input[name=IntoItemId]"));
        Assert.Contains(picker!.QuerySelectorAll("option"), o => o.GetAttribute("value") == "item-demo-lights" && o.TextContent.Contains("湖边步道路灯维修"));
        Assert.DoesNotContain(picker.QuerySelectorAll("option"), o => o.GetAttribute("value") == item);

        var posted = await clerk.PostAsync($"/councils/lakeside/items/{item}/act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "merge", ["IntoItemId"] = "item-demo-lights", ["Reason"] = "同一段路灯", ["RequestId"] = "merge-1",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }));

        Assert.Equal($"/councils/lakeside/items/{item}?done=merge", posted.Headers.Location?.OriginalString);
        var target = Html.Parse(await clerk.GetStringAsync("/councils/lakeside/items/item-demo-lights"));
        var section = target.QuerySelector("section[aria-labelledby=merged-into]");
        Assert.NotNull(section?.QuerySelector($"a[href='/councils/lakeside/items/{item}']"));
        Assert.Contains("同一段路灯", section!.TextContent);
        var merged = await (await clerk.GetAsync("/api/councils/lakeside/items/item-demo-lights/merged")).Expect(HttpStatusCode.OK);
        Assert.Equal(item, Assert.Single(merged.EnumerateArray()).GetProperty("itemId").GetString());
    }
}
