using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>Household codes turn a sign-up into a verified resident, once.</summary>
public sealed class VerificationTests : IAsyncLifetime
{
    private readonly CouncilApp _app = new();
    private HttpClient _clerk = null!;

    public async Task InitializeAsync() => _clerk = await _app.SignedInAs("clerk");

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UnverifiedSignUpMayReadButNotSubmitOrObject()
    {
        var newcomer = await _app.SignUpAsync("newcomer1");

        await (await newcomer.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        await (await newcomer.Post("/api/councils/lakeside/items", new { title = "t", text = "x", category = "c", place = "p" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        await (await newcomer.Post("/api/councils/lakeside/items/item-demo-kiosks/object", new { text = "no" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RedeemedCodeMakesAVerifiedResidentWhoMayObject()
    {
        var code = await IssueAsync();
        var newcomer = await _app.SignUpAsync("newcomer2");

        var holder = await (await newcomer.Post("/api/councils/lakeside/invitations/redeem", new { code = code.ToLowerInvariant() })).Expect(HttpStatusCode.OK);

        Assert.Equal("Resident", holder.GetProperty("role").GetString());
        await (await newcomer.Post("/api/councils/lakeside/items/item-demo-kiosks/object", new { text = "2 号亭太近" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ACodeCannotBeRedeemedTwiceEvenAtTheSameMoment()
    {
        var code = await IssueAsync();
        var first = await _app.SignUpAsync("racer1");
        var second = await _app.SignUpAsync("racer2");

        var responses = await Task.WhenAll(
            first.Post("/api/councils/lakeside/invitations/redeem", new { code }),
            second.Post("/api/councils/lakeside/invitations/redeem", new { code }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest);
        var roles = await (await _clerk.GetAsync("/api/councils/lakeside/roles")).Expect(HttpStatusCode.OK);
        var residents = roles.EnumerateArray().Count(r => r.GetProperty("displayName").GetString()!.StartsWith("racer"));
        Assert.Equal(1, residents);
    }

    [Fact]
    public async Task AnUnknownCodeIsRefusedWithoutSayingMore()
    {
        var newcomer = await _app.SignUpAsync("guesser");

        var problem = await (await newcomer.Post("/api/councils/lakeside/invitations/redeem", new { code = "AAAAA-BBBBB" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.DoesNotContain("AAAAA", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAdministratorResetsAPasswordOnTheRecordAndTheOldOneStopsWorking()
    {
        var me = await (await (await _app.SignedInAs("member3")).GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        var userId = me.GetProperty("id").GetString();
        var admin = await _app.SignedInAs("admin");

        await (await admin.Post($"/api/councils/lakeside/people/{userId}/password-reset",
            new { newPassword = "a-new-passphrase", reason = "忘记密码，本人到村委会办理" })).Expect(HttpStatusCode.NoContent);

        await (await _app.Visitor().Post("/api/account/sign-in", new { login = "member3", password = CouncilApp.DemoPassword }))
            .ExpectProblem(HttpStatusCode.Unauthorized);
        await _app.SignedInAs("member3", "a-new-passphrase");
    }

    private async Task<string> IssueAsync()
    {
        var issued = await (await _clerk.Post("/api/councils/lakeside/invitations", new { household = "5-2-301", grid = "5" }))
            .Expect(HttpStatusCode.OK);
        return issued.GetProperty("code").GetString()!;
    }
}
