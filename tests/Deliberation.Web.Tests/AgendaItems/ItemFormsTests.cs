using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.AgendaItems;

/// <summary>Acting on items from the pages, as a person with a browser and no script does.</summary>
public sealed class ItemFormsTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AResidentSubmitsATopicFromTheFormAndLandsOnItsPage()
    {
        var resident = await _app.SignedInAs("resident");
        var form = await resident.GetStringAsync("/councils/lakeside/items/new");

        var posted = await resident.PostAsync("/councils/lakeside/items/new", Form(form, new()
        {
            ["Title"] = "公厕没有灯", ["Text"] = "湖边公厕晚上**太黑**", ["Category"] = "维修 Repairs", ["Place"] = "湖边",
        }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = Html.Parse(await resident.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.Equal("公厕没有灯", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("p.ok[role=status]"));
        Assert.Equal("太黑", page.QuerySelector(".card strong")?.TextContent);
    }

    [Fact]
    public async Task TheClerkAcceptsFromTheItemPageAndSeesTheNextStepsForm()
    {
        var clerk = await _app.SignedInAs("clerk");
        var page = await clerk.GetStringAsync("/councils/lakeside/items/item-demo-lights");
        Assert.NotNull(Html.Parse(page).QuerySelector("form[action$='/act'] input[name=Action][value=accept]"));

        var posted = await clerk.PostAsync("/councils/lakeside/items/item-demo-lights/act", Form(page, new() { ["Action"] = "accept" }));

        Assert.Equal("/councils/lakeside/items/item-demo-lights?done=accept", posted.Headers.Location?.OriginalString);
        var after = Html.Parse(await clerk.GetStringAsync("/councils/lakeside/items/item-demo-lights"));
        Assert.NotNull(after.QuerySelector("input[name=Action][value=record-proposal]"));
    }

    [Fact]
    public async Task ARefusedFormComesBackWithTheReasonAndChangesNothing()
    {
        var clerk = await _app.SignedInAs("clerk");
        var page = await clerk.GetStringAsync("/councils/lakeside/items/item-demo-lights");

        var posted = await clerk.PostAsync("/councils/lakeside/items/item-demo-lights/act", Form(page, new() { ["Action"] = "decline", ["Reason"] = " " }));
        var back = Html.Parse(await clerk.GetStringAsync(posted.Headers.Location!.OriginalString));

        Assert.NotNull(back.QuerySelector("p.error[role=alert]"));
        Assert.NotNull(back.QuerySelector("input[name=Action][value=decline]"));
    }

    [Fact]
    public async Task AVisitorSeesTheHistoryButNoForms()
    {
        var page = Html.Parse(await _app.Visitor().GetStringAsync("/councils/lakeside/items/item-demo-kiosks"));

        Assert.Empty(page.QuerySelectorAll("form[action$='/act']"));
        Assert.Contains("2 号亭离我家窗户太近", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("吴阿姨", page.QuerySelector("main")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("ol.timeline > li"));
    }

    [Fact]
    public async Task EveryFormFieldHasALabel()
    {
        var clerk = await _app.SignedInAs("clerk");
        var page = Html.Parse(await clerk.GetStringAsync("/councils/lakeside/items/item-demo-kiosks"));

        var fields = page.QuerySelectorAll("form input:not([type=hidden]), form textarea, form select").ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.True(
            field.Closest("label") is not null || page.QuerySelector($"label[for='{field.Id}']") is not null,
            $"{field.OuterHtml} has no label"));
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }
}
