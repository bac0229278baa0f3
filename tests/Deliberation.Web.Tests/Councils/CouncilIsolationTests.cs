using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>A county runs many councils: roles in one give nothing in another.</summary>
public sealed class CouncilIsolationTests : IAsyncLifetime
{
    private readonly CouncilApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignedInAs("admin");
        await (await _admin.Post("/api/councils", new
        {
            id = "hillside", nameZh = "山边社区议事厅", nameEn = "Hillside Community Hall", place = "山边社区活动室", defaultTemplateId = "sanyi-yishen-liang-gongkai",
        })).Expect(HttpStatusCode.Created);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AResidentOfOneCouncilCannotSubmitOrObjectInAnother()
    {
        var lakesideResident = await _app.SignedInAs("resident");

        await (await lakesideResident.Post("/api/councils/hillside/items", new { title = "t", text = "x", category = "c", place = "p" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        await (await lakesideResident.Post("/api/councils/hillside/invitations", new { household = "1", grid = "1" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        var items = await (await _admin.GetAsync("/api/councils/hillside/items")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, items.GetArrayLength());
    }

    [Fact]
    public async Task AClerkOfOneCouncilCannotActOnAnotherCouncilsItemThroughItsOwnRoute()
    {
        var clerk = await _app.SignedInAs("clerk");

        // The lakeside item addressed through hillside: the clerk holds no role there.
        await (await clerk.Post("/api/councils/hillside/items/item-demo-lights/accept", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        // The admin does (as clerk of every council), but the item is not hillside's.
        await (await _admin.Post("/api/councils/hillside/items/item-demo-lights/accept", new { })).ExpectProblem(HttpStatusCode.NotFound);
        var item = await (await clerk.GetAsync("/api/councils/lakeside/items/item-demo-lights")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownCouncilIsNotFoundRatherThanRefused()
    {
        var resident = await _app.SignedInAs("resident");

        await (await resident.Post("/api/councils/hillside/bodies", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await resident.Post("/api/councils/no-such-council/bodies", new { })).ExpectProblem(HttpStatusCode.NotFound);
    }
}
