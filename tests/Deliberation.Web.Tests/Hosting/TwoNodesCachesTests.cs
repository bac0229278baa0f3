using System.Net;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// Each node caches who holds which role and each session's security stamp; a change made through one node is
/// forgotten on the other before it is answered, so the next request there already sees it.
/// </summary>
public sealed class TwoNodesCachesTests
{
    private const string Council = CouncilAppSteps.Council;

    [TwoNodesFact]
    public async Task ARoleRevokedThroughOneNodeIsRefusedOnTheOtherAtOnce()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var clerkOnA = await nodes.A.SignedInAs("clerk");
        var chairOnB = await nodes.B.SignedInAs("chair");
        var chairId = await chairOnB.IdOfAsync();
        await (await chairOnB.GetAsync($"{Council}/roles")).Expect(HttpStatusCode.OK);

        await (await clerkOnA.Post($"{Council}/roles/revoke", new { userId = chairId, role = "Chair", reason = "换届" })).Expect(HttpStatusCode.NoContent);

        await (await chairOnB.GetAsync($"{Council}/roles")).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [TwoNodesFact]
    public async Task APasswordResetThroughOneNodeEndsTheSessionOnTheOtherAtOnce()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var (sessionOnB, id) = await nodes.B.VerifiedResidentAsync("forgetful");
        await (await sessionOnB.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        var clerkOnA = await nodes.A.SignedInAs("clerk");

        await (await clerkOnA.ResetAsync("lakeside", id)).Expect(HttpStatusCode.NoContent);

        await (await sessionOnB.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }
}
