using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Categories;

/// <summary>Categories are the council's list, kept by the clerk: a topic picks one of them or none, never free text.</summary>
public sealed class CategoryTests : IDisposable
{
    private const string Council = "/api/councils/lakeside";
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ATopicWithACategoryNotOnTheCouncilsListIsRefusedAndNothingIsWritten()
    {
        var resident = await _app.SignedInAs("resident");
        var eventsBefore = await _app.CountEventsAsync();

        var problem = await (await resident.Post($"{Council}/items", new { title = "路灯", text = "不亮", category = "我自己写的", place = "湖边" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("我自己写的", problem.GetProperty("detail").GetString());
        Assert.Equal(eventsBefore, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task TheClerkAddsRenamesAndRetiresACategoryAndFiledItemsKeepTheirText()
    {
        var (resident, clerk) = (await _app.SignedInAs("resident"), await _app.SignedInAs("clerk"));
        await (await clerk.Post($"{Council}/categories", new { name = "路灯照明", reason = "常见" })).Expect(HttpStatusCode.OK);
        var form = Html.Parse(await resident.GetStringAsync("/councils/lakeside/items/new"));
        Assert.NotNull(form.QuerySelector("select[name=Category] option[value='路灯照明']"));
        var filed = await (await resident.Post($"{Council}/items", new { title = "路灯", text = "不亮", category = "路灯照明", place = "湖边" }))
            .Expect(HttpStatusCode.Created);

        var renamed = await (await clerk.Post($"{Council}/categories/rename", new { from = "路灯照明", to = "照明", reason = "简短" })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{Council}/items", new { title = "灯", text = "坏", category = "路灯照明", place = "湖边" })).ExpectProblem(HttpStatusCode.BadRequest);
        await (await clerk.Post($"{Council}/categories/retire", new { name = "照明", reason = "并入维修" })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{Council}/items", new { title = "灯", text = "坏", category = "照明", place = "湖边" })).ExpectProblem(HttpStatusCode.BadRequest);
        await (await resident.Post($"{Council}/categories", new { name = "随便" })).ExpectProblem(HttpStatusCode.Forbidden);

        Assert.Contains("照明", renamed.EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("照明", (await (await _app.Visitor().GetAsync($"{Council}/categories")).Expect(HttpStatusCode.OK)).EnumerateArray().Select(c => c.GetString()));
        var item = await (await clerk.GetAsync($"{Council}/items/{filed.GetProperty("id").GetString()}")).Expect(HttpStatusCode.OK);
        Assert.Equal("路灯照明", item.GetProperty("category").GetString());
    }
}
