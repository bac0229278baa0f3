using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// Hostile Markdown typed into every text field people fill in (topic, every action's note or reason, objection,
/// meeting), then every page that shows it, read as a browser would: no link or image may carry a script address.
/// </summary>
public sealed class HostileMarkdownPagesTests : IAsyncLifetime
{
    private const string Items = "/api/councils/lakeside/items";
    private static readonly string Evil = HostileMarkdown.All;
    // For the one-line fields (names, titles, options), which hold at most 100 characters.
    private const string Short = "[x](javascript:alert(1))![i](data:text/html,x)";
    private readonly CouncilApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NoPageShowingUserTextLinksOrEmbedsAnUnsafeAddress()
    {
        var implemented = await ImplementedAsync();
        var (resident, clerk, chair, grid) = (await _app.SignedInAs("resident"), await _app.SignedInAs("clerk"),
            await _app.SignedInAs("chair"), await _app.SignedInAs("grid"));
        var item = await SubmitAsync(resident, onBehalfOf: null);
        await (await clerk.Post($"{item}/accept", new { note = Evil })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/record-proposal", new { text = Evil, options = new[] { Short, "不同意" }, source = Short })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/record-consultation", new { summary = Evil })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/revise-proposal", new { text = Evil, reason = Evil })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{item}/record-resolution", Count(3, 3))).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{item}/record-resolution", Count(5, 4))).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/disclose", new { })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{item}/object", new { text = Evil })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{item}/object", new { text = Evil })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/dismiss-objection", new { objectionNo = 1, reason = Evil })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/uphold-objection", new { objectionNo = 2, reason = Evil })).Expect(HttpStatusCode.OK);
        var declined = await SubmitAsync(grid, onBehalfOf: Short);
        await (await clerk.Post($"{declined}/decline", new { reason = Evil })).Expect(HttpStatusCode.OK);
        var routed = await SubmitAsync(resident, onBehalfOf: null);
        await (await clerk.Post($"{routed}/route", new { department = "town-works", reason = Evil, request = Evil })).Expect(HttpStatusCode.OK);
        var meeting = await (await clerk.Post("/api/councils/lakeside/meetings", new
        {
            bodyId = "party-members", title = Short, startsAt = _app.Clock.GetUtcNow().AddDays(3), place = Short, agenda = new[] { item[(Items.Length + 1)..] },
        })).Expect(HttpStatusCode.Created);

        var pages = new[]
        {
            Page(item), Page(declined), Page(routed), Page(implemented), "/", "/councils/lakeside",
            $"/councils/lakeside/meetings/{meeting.GetProperty("id").GetString()}",
        };
        foreach (var reader in new[] { _app.Visitor(), clerk, resident, chair })
        foreach (var path in pages)
        {
            var response = await reader.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.Empty(HostileMarkdown.Unsafe(Html.Parse(html)));
        }
        // The texts did reach the pages (else the check above proves nothing).
        var shown = await clerk.GetStringAsync(Page(item));
        Assert.Contains("click", shown);
        Assert.Contains("msgbox", shown);
    }

    /// <summary>A second item with the implementation steps' texts hostile too, up to its rating and closing.</summary>
    private async Task<string> ImplementedAsync()
    {
        var (resident, clerk, chair) = (await _app.SignedInAs("resident"), await _app.SignedInAs("clerk"), await _app.SignedInAs("chair"));
        var item = await SubmitAsync(resident, onBehalfOf: null);
        await (await clerk.Post($"{item}/accept", new { })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/record-proposal", new { text = "装灯" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/record-consultation", new { summary = "同意" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{item}/record-resolution", Count(3, 3))).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{item}/record-resolution", Count(5, 4))).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/disclose", new { noticeDays = 1 })).Expect(HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        // Two days on, the sessions have expired as they would for real: sign in again.
        (resident, clerk) = (await _app.SignedInAs("resident"), await _app.SignedInAs("clerk"));
        var property = await _app.SignedInAs("property");
        await (await clerk.Post($"{item}/end-notice")).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/assign-implementation", new { responsibleParty = Short, deadline = "2026-12-31" })).Expect(HttpStatusCode.OK);
        await (await property.Post($"{item}/report-progress", new { text = Evil, percentDone = 50 })).Expect(HttpStatusCode.OK);
        await (await property.Post($"{item}/complete-implementation", new { summary = Evil })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/disclose-result", new { text = Evil })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{item}/rate", new { score = 2 })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/close", new { reason = Evil })).Expect(HttpStatusCode.OK);
        return item;
    }

    private static string Page(string apiPath) => apiPath.Replace("/api/councils/", "/councils/");

    private async Task<string> SubmitAsync(HttpClient by, string? onBehalfOf)
    {
        // Categories are the council's list: the clerk's hostile one reaches the pages as a resident's free text did.
        // Added once; a second add is refused as a duplicate, which is fine here.
        await (await _app.SignedInAs("clerk")).Post("/api/councils/lakeside/categories", new { name = Short });
        var created = await (await by.Post(Items, new { title = Short, text = Evil, category = Short, place = Short, onBehalfOf }))
            .Expect(HttpStatusCode.Created);
        return $"{Items}/{created.GetProperty("id").GetString()}";
    }

    private static object Count(int present, int @for) => new
    {
        present = new { members = present }, @for = new { members = @for }, against = new { members = 0 }, abstain = new { members = present - @for },
    };
}
