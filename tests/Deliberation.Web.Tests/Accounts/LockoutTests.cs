using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>
/// Lockout stays, but is hard to turn against someone: one address is held back before it can lock an account, each
/// lockout lasts longer than the one before, the answer says which is which, and the owner is told.
/// </summary>
public sealed class LockoutTests : IDisposable
{
    private readonly CouncilApp _app = new(settings: new Dictionary<string, string?> { ["RateLimits:WrongPasswordsPerAccountAndAddress"] = "3" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task OneAddressIsHeldBackBeforeItCanLockTheClerkOut()
    {
        var attacker = _app.Visitor(address: "203.0.113.9");

        for (var attempt = 0; attempt < 3; attempt++)
            await (await WrongPassword(attacker, "clerk")).ExpectProblem(HttpStatusCode.Unauthorized);
        var response = await WrongPassword(attacker, "clerk");
        var held = await response.ExpectProblem(HttpStatusCode.TooManyRequests);
        for (var attempt = 0; attempt < 5; attempt++) await WrongPassword(attacker, "clerk");

        Assert.Equal("urn:deliberation:problem:rate-limited", held.GetProperty("type").GetString());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await _app.SignedInAs("clerk", address: "198.51.100.7");
    }

    [Fact]
    public async Task TheUserNameAndThePhoneNumberShareOneHoldBackSoOneAddressCannotLockTheAccount()
    {
        var attacker = _app.Visitor(address: "203.0.113.10");

        for (var attempt = 0; attempt < 3; attempt++)
            await (await WrongPassword(attacker, "clerk")).ExpectProblem(HttpStatusCode.Unauthorized);
        var byPhone = new[] { await WrongPassword(attacker, "13900000001"), await WrongPassword(attacker, " 13900000001 ") };

        foreach (var response in byPhone) await response.ExpectProblem(HttpStatusCode.TooManyRequests);
        await _app.SignedInAs("clerk", address: "198.51.100.8");
    }

    [Fact]
    public async Task UnknownLoginsAreHeldBackByTheLoginAsNormalised()
    {
        var attacker = _app.Visitor(address: "203.0.113.11");

        for (var attempt = 0; attempt < 3; attempt++)
            await (await WrongPassword(attacker, attempt % 2 == 0 ? "nobody-here" : " Nobody-Here ")).ExpectProblem(HttpStatusCode.Unauthorized);

        await (await WrongPassword(attacker, "NOBODY-HERE")).ExpectProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task WrongPasswordsFromSeveralAddressesLockTheAccountWithAnAnswerOfItsOwn()
    {
        for (var attempt = 0; attempt < 4; attempt++)
            await (await WrongPassword(_app.Visitor(address: $"203.0.113.{attempt / 2 + 1}"), "chair")).ExpectProblem(HttpStatusCode.Unauthorized);

        var response = await WrongPassword(_app.Visitor(address: "203.0.113.3"), "chair");
        var locked = await response.ExpectProblem(HttpStatusCode.Locked);
        var rightPassword = await _app.Visitor(address: "198.51.100.7").Post("/api/account/sign-in", new { login = "chair", password = CouncilApp.DemoPassword });

        Assert.Equal("urn:deliberation:problem:account-locked", locked.GetProperty("type").GetString());
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        await rightPassword.ExpectProblem(HttpStatusCode.Locked);
    }

    [Fact]
    public async Task EachLockoutLastsLongerAndTheOwnerIsToldAtTheNextSignIn()
    {
        await LockAsync("member1");
        _app.Clock.Advance(TimeSpan.FromSeconds(61));

        var second = await LockAsync("member1");
        Assert.Equal(TimeSpan.FromSeconds(120), second.Headers.RetryAfter?.Delta);
        _app.Clock.Advance(TimeSpan.FromSeconds(121));

        var owner = await _app.SignedInAs("member1", address: "198.51.100.7");
        var me = await (await owner.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, me.GetProperty("lockouts").GetProperty("count").GetInt32());
        var page = Html.Parse(await owner.GetStringAsync("/account"));
        Assert.NotNull(page.QuerySelector("#lockout-notice"));
    }

    [Fact]
    public async Task TheSignInPageSendsTheOwnerToTheirLockoutNotice()
    {
        await LockAsync("member2");
        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        var client = _app.Visitor(address: "198.51.100.7");
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/account/sign-in"));

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Form.Login"] = "member2", ["Form.Password"] = CouncilApp.DemoPassword,
        }));

        Assert.Equal("/account", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath);
    }

    /// <summary>Five wrong passwords from as many addresses; returns the answer to the last, the one that locks.</summary>
    private async Task<HttpResponseMessage> LockAsync(string login)
    {
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
            last = await WrongPassword(_app.Visitor(address: $"192.0.2.{attempt + 10}"), login);
        await last.ExpectProblem(HttpStatusCode.Locked);
        return last;
    }

    private static Task<HttpResponseMessage> WrongPassword(HttpClient client, string login) =>
        client.Post("/api/account/sign-in", new { login, password = "not-the-password" });
}
