using System.Net;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>A body of the test's own making, its roll with weights, and its meeting in session on the kiosks item.</summary>
public static class BodyBallotSteps
{
    private const string Council = CouncilAppSteps.Council;

    public sealed record OnRoll(string Login, decimal Weight, string Attendance = "Present", string? ProxyFor = null);

    /// <summary>Establishes the body, puts the people on its roll, opens its meeting with this attendance and returns the meeting's path.</summary>
    public static async Task<string> BodyInSessionAsync(this CouncilApp app, string bodyId, string ruleId, IReadOnlyList<OnRoll> roll,
        bool? votesMayChange = null, bool? proxiesCountTowardQuorum = null)
    {
        var clerk = await app.SignedInAs("clerk");
        var chair = await app.SignedInAs("chair");
        var ids = await LoginIdsAsync(app);
        await (await clerk.Post($"{Council}/bodies", new
        {
            bodyId, nameZh = bodyId, nameEn = bodyId, decisionRuleId = ruleId, votesMayChange, proxiesCountTowardQuorum,
        })).Expect(HttpStatusCode.OK);
        foreach (var person in roll)
            await (await clerk.Post($"{Council}/roles", new
            {
                userId = ids[person.Login], displayName = person.Login, role = "Member", body = bodyId, weight = person.Weight, reason = "test roll",
            })).Expect(HttpStatusCode.NoContent);
        var created = await (await clerk.Post($"{Council}/meetings", new
        {
            bodyId, title = bodyId, startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅", agenda = new[] { "item-demo-kiosks" },
        })).Expect(HttpStatusCode.Created);
        var meeting = $"{Council}/meetings/{created.GetProperty("id").GetString()}";
        await (await chair.Post($"{meeting}/open")).Expect(HttpStatusCode.OK);
        foreach (var person in roll)
            await (await chair.Post($"{meeting}/attendance", new
            {
                userId = ids[person.Login], attendance = person.Attendance, proxyFor = person.ProxyFor is { } p ? ids[p] : null,
            })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/take-up", new { itemId = "item-demo-kiosks" })).Expect(HttpStatusCode.OK);
        return meeting;
    }

    /// <summary>The chair opens a ballot with these terms; returns the ballot's path and view.</summary>
    public static async Task<(string Path, JsonElement View)> OpenBallotAsync(this CouncilApp app, string meeting, object terms)
    {
        var chair = await app.SignedInAs("chair");
        var opened = await (await chair.Post($"{meeting}/ballots", terms)).Expect(HttpStatusCode.Created);
        return ($"{Council}/ballots/{opened.GetProperty("id").GetString()}", opened);
    }

    public static async Task<Dictionary<string, string>> LoginIdsAsync(CouncilApp app)
    {
        var byName = await app.UserIdsAsync();
        return Deliberation.Web.Demo.DemoPeople.All.Where(p => byName.ContainsKey(p.DisplayName))
            .ToDictionary(p => p.UserName, p => byName[p.DisplayName]);
    }
}
