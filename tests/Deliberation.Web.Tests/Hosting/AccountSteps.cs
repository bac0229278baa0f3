using System.Net;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>Steps around accounts: joining with a household code, founding a second council, resetting a password.</summary>
public static class AccountSteps
{
    public static async Task<string> IdOfAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK)).GetProperty("id").GetString()!;

    /// <summary>A new account that joined lakeside with a household code: the one kind of account its clerk may reset.</summary>
    public static async Task<(HttpClient Client, string Id)> VerifiedResidentAsync(this CouncilApp app, string userName)
    {
        var clerk = await app.SignedInAs("clerk");
        var issued = await (await clerk.Post($"{CouncilAppSteps.Council}/invitations", new { household = $"{userName}-101", grid = "3" }))
            .Expect(HttpStatusCode.OK);
        var resident = await app.SignUpAsync(userName);
        await (await resident.Post($"{CouncilAppSteps.Council}/invitations/redeem", new { code = issued.GetProperty("code").GetString() }))
            .Expect(HttpStatusCode.OK);
        return (resident, await resident.IdOfAsync());
    }

    /// <summary>A second council, founded by the site administrator, whose clerk is a newly signed-up account.</summary>
    public static async Task<HttpClient> HillsideWithClerkAsync(this CouncilApp app, string clerkName, params string[] roles)
    {
        var admin = await app.SignedInAs("admin");
        await (await admin.Post("/api/councils", new
        {
            id = "hillside", nameZh = "山边村议事会", nameEn = "Hillside", place = "山边", defaultTemplateId = "siyi-liang-gongkai", noticeDays = 7,
        })).Expect(HttpStatusCode.Created);
        await (await admin.Post("/api/councils/hillside/bodies", new { bodyId = "two-committees", nameZh = "两委", nameEn = "Two committees", decisionRuleId = "simple-majority" }))
            .Expect(HttpStatusCode.OK);
        var clerk = await app.SignUpAsync(clerkName);
        var id = await clerk.IdOfAsync();
        foreach (var role in roles.Length == 0 ? ["Clerk"] : roles)
            await (await admin.Post("/api/councils/hillside/roles", new
            {
                userId = id, displayName = clerkName, role, body = role == "Member" ? "two-committees" : null, weight = 1, reason = "任命",
            })).Expect(HttpStatusCode.NoContent);
        return clerk;
    }

    public static Task<HttpResponseMessage> ResetAsync(this HttpClient by, string council, string userId, string newPassword = "temporary-pass-1") =>
        by.Post($"/api/councils/{council}/people/{userId}/password-reset", new { newPassword, reason = "忘记密码，本人到村委会办理" });

    public static Task<HttpResponseMessage> GrantAsync(this HttpClient by, string council, string userId, string role = "Resident") =>
        by.Post($"/api/councils/{council}/roles", new { userId, displayName = "someone", role, reason = "x" });
}
