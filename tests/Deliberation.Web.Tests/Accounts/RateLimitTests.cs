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
        var response = await client.Post("/api/account/sign-in", new { login = "nobody", password = "guess-guess" });
        var slowed = await response.ExpectProblem(HttpStatusCode.TooManyRequests);

        Assert.Contains("Too many", slowed.GetProperty("detail").GetString());
        Assert.Equal("urn:deliberation:problem:rate-limited", slowed.GetProperty("type").GetString());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A rate limit says when to try again.");
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

    [Fact]
    public async Task LimitsSubmissionsPerPersonNotPerAddress()
    {
        using var app = new CouncilApp(settings: new Dictionary<string, string?> { ["RateLimits:SubmissionsPerHour"] = "1" });
        var resident = await app.SignedInAs("resident");
        var neighbour = await app.SignedInAs("member1");
        var topic = new { title = "长椅", text = "湖边加长椅", category = "维修 Repairs", place = "湖边" };

        await (await resident.Post("/api/councils/lakeside/items", topic)).Expect(HttpStatusCode.Created);
        await (await resident.Post("/api/councils/lakeside/items", topic)).ExpectProblem(HttpStatusCode.TooManyRequests);

        // Same address, another person: not held back by the first one's limit.
        await (await neighbour.Post("/api/councils/lakeside/items", topic)).Expect(HttpStatusCode.Created);
    }
}
