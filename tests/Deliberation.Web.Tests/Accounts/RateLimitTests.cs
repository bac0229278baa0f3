using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Accounts;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SlowsDownRepeatedSignInAttemptsWithAProblem()
    {
        using var app = new CouncilApp(settings: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        var client = app.Visitor();

        for (var attempt = 0; attempt < 3; attempt++)
            await (await client.Post("/api/account/sign-in", new { login = "nobody", password = "guess-guess" })).ExpectProblem(HttpStatusCode.Unauthorized);
        var slowed = await (await client.Post("/api/account/sign-in", new { login = "nobody", password = "guess-guess" })).ExpectProblem(HttpStatusCode.TooManyRequests);

        Assert.Contains("Too many", slowed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SlowsDownCodeGuessing()
    {
        using var app = new CouncilApp(settings: new Dictionary<string, string?> { ["RateLimits:RedeemPerMinute"] = "2" });
        var visitor = await app.SignedInAs("visitor");

        for (var attempt = 0; attempt < 2; attempt++)
            await (await visitor.Post("/api/councils/lakeside/invitations/redeem", new { code = $"GUESS-{attempt}" })).ExpectProblem(HttpStatusCode.BadRequest);

        await (await visitor.Post("/api/councils/lakeside/invitations/redeem", new { code = "GUESS-9" })).ExpectProblem(HttpStatusCode.TooManyRequests);
    }
}
