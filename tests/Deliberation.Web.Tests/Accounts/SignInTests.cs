using System.Net;
using System.Net.Http.Json;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Accounts;

public sealed class SignInTests : IClassFixture<SignInTests.App>
{
    public sealed class App() : CouncilApp(seedDemo: true);

    private readonly App _app;

    public SignInTests(App app) => _app = app;

    [Fact]
    public async Task SignsInByPhoneNumberAndKnowsWhoYouAre()
    {
        var client = _app.Visitor();

        await (await client.Post("/api/account/sign-in", new { login = "13900000006", password = CouncilApp.DemoPassword })).Expect(HttpStatusCode.OK);
        var me = await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);

        Assert.Equal("resident", me.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task SetsASecureHttpOnlySessionCookie()
    {
        var response = await _app.Visitor().Post("/api/account/sign-in", new { login = "clerk", password = CouncilApp.DemoPassword });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deliberation.session="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefusesAWrongPasswordWithoutSayingWhetherTheAccountExists()
    {
        var client = _app.Visitor();

        var wrongPassword = await (await client.Post("/api/account/sign-in", new { login = "chair", password = "nope-nope" })).ExpectProblem(HttpStatusCode.Unauthorized);
        var noSuchUser = await (await client.Post("/api/account/sign-in", new { login = "nobody-here", password = "nope-nope" })).ExpectProblem(HttpStatusCode.Unauthorized);

        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), noSuchUser.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task LocksTheAccountAfterFiveWrongPasswordsEvenForTheRightOneAfterwards()
    {
        var client = _app.Visitor();
        await (await client.Post("/api/account/sign-up", new { userName = "lockme", displayName = "Lock Me", password = "right-password" })).Expect(HttpStatusCode.Created);

        for (var attempt = 1; attempt <= 4; attempt++)
            await (await client.Post("/api/account/sign-in", new { login = "lockme", password = "wrong-password" })).ExpectProblem(HttpStatusCode.Unauthorized);
        await (await client.Post("/api/account/sign-in", new { login = "lockme", password = "wrong-password" })).ExpectProblem(HttpStatusCode.Locked);

        var locked = await (await client.Post("/api/account/sign-in", new { login = "lockme", password = "right-password" })).ExpectProblem(HttpStatusCode.Locked);
        Assert.Contains("locked", locked.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RejectsASignUpWithAShortPasswordAndNamesTheField()
    {
        var problem = await (await _app.Visitor().Post("/api/account/sign-up", new { userName = "shorty", displayName = "S", password = "123" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task SignInPageWorksWithoutScriptAndReportsAWrongPassword()
    {
        var client = _app.Visitor();
        var page = await client.GetStringAsync("/account/sign-in");
        var token = Html.AntiforgeryToken(page);

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Form.Login"] = "clerk", ["Form.Password"] = "wrong-one",
        }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
    }

    [Fact]
    public async Task SignInPageSignsInAndRedirects()
    {
        var client = _app.Visitor();
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/account/sign-in?returnUrl=/councils/lakeside"));

        var response = await client.PostAsync("/account/sign-in?returnUrl=/councils/lakeside", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Form.Login"] = "clerk",
            ["Form.Password"] = CouncilApp.DemoPassword, ["Form.ReturnUrl"] = "/councils/lakeside",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/councils/lakeside", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);
    }
}
