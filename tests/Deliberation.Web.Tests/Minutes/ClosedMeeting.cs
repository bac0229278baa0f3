using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Minutes;

/// <summary>
/// A party members' meeting (chair, member1, member2 on its roll) held and closed on the disclosed kiosks item: the
/// chair present, member2 absent with member1 as proxy, one named ballot (chair and member1 for, member2 by proxy
/// against). Returns the meeting's id.
/// </summary>
public static class ClosedMeeting
{
    public const string Council = CouncilAppSteps.Council;

    public static async Task<string> HoldAsync(CouncilApp app, string itemId = "item-demo-kiosks")
    {
        var clerk = await app.SignedInAs("clerk");
        var chair = await app.SignedInAs("chair");
        var member1 = await app.SignedInAs("member1");
        var ids = await app.UserIdsAsync();
        var created = await (await clerk.Post($"{Council}/meetings", new
        {
            bodyId = "party-members", title = "党员大会（纪要测试）", startsAt = DateTimeOffset.UtcNow.AddHours(-1), place = "湖边议事厅", agenda = new[] { itemId },
        })).Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var meeting = $"{Council}/meetings/{id}";
        await (await chair.Post($"{meeting}/open")).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/attendance", new { userId = ids["李主任 Chair Li"], attendance = "Present" })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/attendance", new { userId = ids["刘代表 Rep. Liu"], attendance = "Absent" })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/attendance", new { userId = ids["张代表 Rep. Zhang"], attendance = "Proxy", proxyFor = ids["刘代表 Rep. Liu"] }))
            .Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/take-up", new { itemId })).Expect(HttpStatusCode.OK);
        var ballot = await (await chair.Post($"{meeting}/ballots")).Expect(HttpStatusCode.Created);
        var ballotPath = $"{Council}/ballots/{ballot.GetProperty("id").GetString()}";
        await (await chair.Post($"{ballotPath}/votes", new { choice = "For", clientVoteId = "c" })).Expect(HttpStatusCode.OK);
        await (await member1.Post($"{ballotPath}/votes", new { choice = "For", clientVoteId = "m" })).Expect(HttpStatusCode.OK);
        await (await member1.Post($"{ballotPath}/votes", new { choice = "Against", clientVoteId = "p", voterId = ids["刘代表 Rep. Liu"] })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{ballotPath}/close")).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/close")).Expect(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Writes the discussion, approves (chair) and publishes (clerk) the meeting's minutes.</summary>
    public static async Task PublishAsync(CouncilApp app, string meetingId, string discussion)
    {
        var clerk = await app.SignedInAs("clerk");
        var chair = await app.SignedInAs("chair");
        var minutes = $"{Council}/meetings/{meetingId}/minutes";
        await (await clerk.Post($"{minutes}/discussion", new { markdown = discussion, requestId = Guid.NewGuid().ToString("N") })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{minutes}/approve", new { requestId = Guid.NewGuid().ToString("N") })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{minutes}/publish", new { requestId = Guid.NewGuid().ToString("N") })).Expect(HttpStatusCode.OK);
    }
}

/// <summary>One app for a test class whose tests each hold their own meetings.</summary>
public sealed class MinutesApp : CouncilApp;
