using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>Household codes in batches for door-to-door visits: printed with a QR code each, redeemed, listed, revoked.</summary>
public sealed class InvitationBatchTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheClerkPrintsABatchSeesWhoRedeemedOneAndRevokesAnother()
    {
        var clerk = await _app.SignedInAs("clerk");
        var form = await clerk.GetStringAsync("/councils/lakeside/invitations/batch");

        var issued = await clerk.PostAsync("/councils/lakeside/invitations/batch", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "batch", ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
            ["Form.Grid"] = "湖边 3 号网格", ["Form.Count"] = "3", ["Form.Note"] = "周六入户",
        }));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var sheet = Html.Parse(await issued.Content.ReadAsStringAsync());
        var cards = sheet.QuerySelectorAll(".sheet .invite-card").ToList();
        Assert.Equal(3, cards.Count);
        Assert.All(cards, card => Assert.NotNull(card.QuerySelector("img[src^='data:image/png;base64,'][alt]")));
        var codes = cards.Select(c => c.QuerySelector(".code strong")!.TextContent).ToList();
        Assert.All(codes, code => Assert.Matches("^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", code));
        Assert.Equal(3, codes.Distinct().Count());

        var newcomer = await _app.SignUpAsync("door-3-1");
        await (await newcomer.Post("/api/councils/lakeside/invitations/redeem", new { code = codes[0] })).Expect(HttpStatusCode.OK);

        var list = await clerk.GetStringAsync("/councils/lakeside/invitations/list");
        var rows = Html.Parse(list).QuerySelectorAll("tr[data-ref]").ToList();
        var redeemed = rows.Single(r => r.QuerySelector(".redeemed-by") is not null);
        Assert.Contains("door-3-1", redeemed.TextContent);
        var open = rows.Where(r => r.QuerySelector("a[href*='revoke=']") is not null).ToList();
        Assert.Equal(2, open.Count);

        // Revoking asks first: the link shows what will happen and a form to confirm.
        var asked = await clerk.GetStringAsync(open[0].QuerySelector("a")!.GetAttribute("href")!);
        var confirm = Html.Parse(asked).QuerySelector("form.confirm");
        Assert.NotNull(confirm);
        var revoked = await clerk.PostAsync(confirm.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(asked), ["Reason"] = "发错了门",
            ["RequestId"] = confirm.QuerySelector("input[name=RequestId]")!.GetAttribute("value")!,
        }));
        Assert.Equal("/councils/lakeside/invitations/list?done=revoked", revoked.Headers.Location?.OriginalString);

        var invitations = await (await clerk.GetAsync("/api/councils/lakeside/invitations")).Expect(HttpStatusCode.OK);
        var states = invitations.GetProperty("invitations").EnumerateArray()
            .Where(i => i.GetProperty("batchId").ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(i => i.GetProperty("state").GetString()).Order().ToList();
        Assert.Equal(["Open", "Redeemed", "Revoked"], states);
        // Which one was revoked is the clerk's pick; neither a revoked code nor a used one lets anyone in.
        var other = await _app.SignUpAsync("door-3-2");
        var tries = new List<HttpStatusCode>();
        foreach (var code in codes) tries.Add((await other.Post("/api/councils/lakeside/invitations/redeem", new { code })).StatusCode);
        Assert.Equal(1, tries.Count(t => t == HttpStatusCode.OK));
    }

    [Fact]
    public async Task ARevokedCodeCannotBeRedeemed()
    {
        var clerk = await _app.SignedInAs("clerk");
        var batch = await (await clerk.Post("/api/councils/lakeside/invitations/batches",
            new { grid = "村北", count = 2, requestId = Guid.NewGuid().ToString("N") })).Expect(HttpStatusCode.OK);
        var code = batch.GetProperty("codes")[0].GetProperty("code").GetString()!;
        var refs = (await (await clerk.GetAsync("/api/councils/lakeside/invitations")).Expect(HttpStatusCode.OK)).GetProperty("invitations")
            .EnumerateArray().Where(i => i.GetProperty("batchId").GetString() == batch.GetProperty("batchId").GetString())
            .ToDictionary(i => i.GetProperty("no").GetInt32(), i => i.GetProperty("ref").GetString()!);

        await (await clerk.Post($"/api/councils/lakeside/invitations/{refs[1]}/revoke", new { reason = "卡片丢失" })).Expect(HttpStatusCode.NoContent);

        var resident = await _app.SignUpAsync("late-comer");
        var refused = await resident.Post("/api/councils/lakeside/invitations/redeem", new { code });
        await refused.ExpectProblem(HttpStatusCode.BadRequest);
        var again = await clerk.Post($"/api/councils/lakeside/invitations/{refs[1]}/revoke", new { reason = "again" });
        await again.ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AResentBatchAnswersTheSameCodesAndIssuesNone()
    {
        var clerk = await _app.SignedInAs("clerk");
        var request = new { grid = "村南", count = 2, requestId = Guid.NewGuid().ToString("N") };

        var first = await (await clerk.Post("/api/councils/lakeside/invitations/batches", request)).Expect(HttpStatusCode.OK);
        var events = await _app.CountEventsAsync();
        var second = await (await clerk.Post("/api/councils/lakeside/invitations/batches", request)).Expect(HttpStatusCode.OK);

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(events, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task OnlyTheClerkMakesBatches()
    {
        var chair = await _app.SignedInAs("chair");

        var response = await chair.Post("/api/councils/lakeside/invitations/batches", new { grid = "x", count = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
