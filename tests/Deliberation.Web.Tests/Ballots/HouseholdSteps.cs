using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// A villager meeting of household representatives (rule <c>villager-meeting-households</c>): residents who joined with
/// household codes, put on the roll of a body of the test's own making, its meeting in session on the kiosks item.
/// </summary>
public static class HouseholdSteps
{
    private const string Council = CouncilAppSteps.Council;

    /// <summary>A new account that joined lakeside with a code for this household (grid 7).</summary>
    public static async Task<(HttpClient Client, string Id)> ResidentOfAsync(this CouncilApp app, string userName, string household)
    {
        var clerk = await app.SignedInAs("clerk");
        var issued = await (await clerk.Post($"{Council}/invitations", new { household, grid = "7" })).Expect(HttpStatusCode.OK);
        var resident = await app.SignUpAsync(userName);
        await (await resident.Post($"{Council}/invitations/redeem", new { code = issued.GetProperty("code").GetString() })).Expect(HttpStatusCode.OK);
        return (resident, await resident.IdOfAsync());
    }

    /// <summary>
    /// Establishes a body counting households, puts these residents on its roll, opens its meeting with this attendance
    /// and takes up the kiosks item; returns the meeting's path.
    /// </summary>
    public static async Task<string> HouseholdMeetingAsync(this CouncilApp app, string bodyId, IReadOnlyList<(string Id, string Attendance)> roll)
    {
        var clerk = await app.SignedInAs("clerk");
        var chair = await app.SignedInAs("chair");
        await (await clerk.Post($"{Council}/bodies", new
        {
            bodyId, nameZh = "户代表会议", nameEn = "Household representatives", decisionRuleId = "villager-meeting-households",
        })).Expect(HttpStatusCode.OK);
        foreach (var (id, _) in roll)
            await (await clerk.Post($"{Council}/roles", new { userId = id, displayName = id, role = "Member", body = bodyId, reason = "户代表" }))
                .Expect(HttpStatusCode.NoContent);
        var created = await (await clerk.Post($"{Council}/meetings", new
        {
            bodyId, title = "户代表会议", startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅", agenda = new[] { "item-demo-kiosks" },
        })).Expect(HttpStatusCode.Created);
        var meeting = $"{Council}/meetings/{created.GetProperty("id").GetString()}";
        await (await chair.Post($"{meeting}/open")).Expect(HttpStatusCode.OK);
        foreach (var (id, attendance) in roll)
            await (await chair.Post($"{meeting}/attendance", new { userId = id, attendance })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/take-up", new { itemId = "item-demo-kiosks" })).Expect(HttpStatusCode.OK);
        return meeting;
    }
}
