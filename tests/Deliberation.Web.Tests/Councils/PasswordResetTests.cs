using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>
/// A clerk resets only the password of a resident who joined their council with a household code; a reset ends the
/// account's sessions, makes its owner choose a new password first, and is shown to them.
/// </summary>
public sealed class PasswordResetTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ClerkCannotTakeOverTheAdministratorByGrantingThemARoleFirst()
    {
        var clerk = await _app.SignedInAs("clerk");
        var adminId = await (await _app.SignedInAs("admin")).IdOfAsync();

        await (await clerk.GrantAsync("lakeside", adminId)).Expect(HttpStatusCode.NoContent);
        await (await clerk.ResetAsync("lakeside", adminId)).ExpectProblem(HttpStatusCode.Forbidden);

        await _app.SignedInAs("admin");
    }

    [Fact]
    public async Task ClerkOfANewCouncilCannotTakeOverAnotherCouncilsChair()
    {
        var hillsideClerk = await _app.HillsideWithClerkAsync("hill-clerk");
        var chairId = await (await _app.SignedInAs("chair")).IdOfAsync();

        await (await hillsideClerk.GrantAsync("hillside", chairId)).Expect(HttpStatusCode.NoContent);
        await (await hillsideClerk.ResetAsync("hillside", chairId)).ExpectProblem(HttpStatusCode.Forbidden);

        await _app.SignedInAs("chair");
    }

    [Fact]
    public async Task ClerkCannotResetAnAccountTheyOnlyGrantedAResidentRole()
    {
        var clerk = await _app.SignedInAs("clerk");
        var newcomerId = await (await _app.SignUpAsync("granted-only")).IdOfAsync();

        await (await clerk.GrantAsync("lakeside", newcomerId)).Expect(HttpStatusCode.NoContent);

        await (await clerk.ResetAsync("lakeside", newcomerId)).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AResetEndsTheSessionsAndTheOwnerMustChooseANewPasswordFirst()
    {
        var (session, id) = await _app.VerifiedResidentAsync("forgetful");
        var clerk = await _app.SignedInAs("clerk");

        await (await clerk.ResetAsync("lakeside", id, "temporary-pass-1")).Expect(HttpStatusCode.NoContent);

        await (await session.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
        var owner = await _app.SignedInAs("forgetful", "temporary-pass-1");
        var me = await (await owner.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal("王秘书 Clerk Wang", me.GetProperty("lastPasswordReset").GetProperty("byName").GetString());
        var refused = await (await owner.GetAsync("/api/councils/lakeside/items")).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("urn:deliberation:problem:password-change-required", refused.GetProperty("type").GetString());
        Assert.StartsWith("/account?", (await owner.GetAsync("/councils/lakeside")).Headers.Location?.OriginalString);

        await (await owner.Post("/api/account/password", new { currentPassword = "temporary-pass-1", newPassword = "my-own-passphrase" }))
            .Expect(HttpStatusCode.NoContent);

        await (await owner.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);
        await _app.SignedInAs("forgetful", "my-own-passphrase");
    }

    [Fact]
    public async Task AnAdministratorResetsCouncilStaff()
    {
        var admin = await _app.SignedInAs("admin");
        var chairId = await (await _app.SignedInAs("chair")).IdOfAsync();

        await (await admin.ResetAsync("lakeside", chairId, "temporary-pass-2")).Expect(HttpStatusCode.NoContent);

        await _app.SignedInAs("chair", "temporary-pass-2");
    }

    [Fact]
    public async Task TheOwnerSeesWhoResetThePasswordOnTheAccountPageAndChangesItThere()
    {
        var (_, id) = await _app.VerifiedResidentAsync("page-owner");
        await (await (await _app.SignedInAs("clerk")).ResetAsync("lakeside", id, "temporary-pass-3")).Expect(HttpStatusCode.NoContent);
        var owner = await _app.SignedInAs("page-owner", "temporary-pass-3");

        var page = await owner.GetStringAsync("/account?returnUrl=/councils/lakeside");
        Assert.Contains("王秘书 Clerk Wang", Html.Parse(page).QuerySelector("#reset-notice")?.TextContent);
        var posted = await owner.PostAsync("/account?returnUrl=/councils/lakeside", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password", ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
            ["Form.Current"] = "temporary-pass-3", ["Form.Next"] = "page-owner-own", ["Form.ReturnUrl"] = "/councils/lakeside",
        }));

        Assert.Equal("/councils/lakeside", new Uri(new Uri("https://localhost"), posted.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/councils/lakeside")).StatusCode);
    }
}
