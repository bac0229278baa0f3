using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// A villager meeting of household representatives (rule <c>villager-meeting-households</c>) over HTTP: residents who
/// joined with household codes, two of one household; each household present has one vote, cast by either of them.
/// </summary>
public sealed class HouseholdBallotTests : IDisposable
{
    private const string Council = CouncilAppSteps.Council;
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EachHouseholdVotesOnceWhicheverOfItsMembersCastsIt()
    {
        var clerk = await _app.SignedInAs("clerk");
        var chair = await _app.SignedInAs("chair");
        var (wife, wifeId) = await ResidentOfAsync("hh-wife", "7-101");
        var (husband, husbandId) = await ResidentOfAsync("hh-husband", "7-101");
        var (neighbour, neighbourId) = await ResidentOfAsync("hh-neighbour", "7-102");
        var (_, awayId) = await ResidentOfAsync("hh-away", "7-103");
        await (await clerk.Post($"{Council}/bodies", new
        {
            bodyId = "household-reps", nameZh = "户代表会议", nameEn = "Household representatives", decisionRuleId = "villager-meeting-households",
        })).Expect(HttpStatusCode.OK);
        foreach (var id in new[] { wifeId, husbandId, neighbourId, awayId })
            await (await clerk.Post($"{Council}/roles", new { userId = id, displayName = id, role = "Member", body = "household-reps", reason = "户代表" }))
                .Expect(HttpStatusCode.NoContent);
        var created = await (await clerk.Post($"{Council}/meetings", new
        {
            bodyId = "household-reps", title = "户代表会议", startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅", agenda = new[] { "item-demo-kiosks" },
        })).Expect(HttpStatusCode.Created);
        var meeting = $"{Council}/meetings/{created.GetProperty("id").GetString()}";
        await (await chair.Post($"{meeting}/open")).Expect(HttpStatusCode.OK);
        foreach (var (id, attendance) in new[] { (wifeId, "Present"), (husbandId, "Present"), (neighbourId, "Present"), (awayId, "Absent") })
            await (await chair.Post($"{meeting}/attendance", new { userId = id, attendance })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/take-up", new { itemId = "item-demo-kiosks" })).Expect(HttpStatusCode.OK);
        var opened = await (await chair.Post($"{meeting}/ballots", new { })).Expect(HttpStatusCode.Created);
        var ballot = $"{Council}/ballots/{opened.GetProperty("id").GetString()}";

        var asHusband = await (await husband.GetAsync(ballot)).Expect(HttpStatusCode.OK);
        var asWife = await (await wife.GetAsync(ballot)).Expect(HttpStatusCode.OK);
        // The household's vote is kept under one of the two: the other, who does not carry it, casts it without naming it.
        var keptUnder = Assert.Single(asHusband.GetProperty("youMayCastFor").EnumerateArray()).GetString();
        var (first, second) = keptUnder == husbandId ? (wife, husband) : (husband, wife);
        var receipt = await (await first.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "first-1" })).Expect(HttpStatusCode.OK);
        var secondOfHousehold = await second.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "second-1" });
        await (await neighbour.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "neighbour-1" })).Expect(HttpStatusCode.OK);
        var closed = await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        Assert.Equal([keptUnder], asWife.GetProperty("youMayCastFor").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains(keptUnder, new[] { husbandId, wifeId });
        Assert.Equal(keptUnder, receipt.GetProperty("voterId").GetString());
        await secondOfHousehold.ExpectProblem(HttpStatusCode.Conflict);
        var result = closed.GetProperty("result");
        // Three households on the roll, two present (2/3: the quorum holds), both for.
        Assert.Equal((3, 2, 2, 0), (result.GetProperty("electorateMembers").GetInt32(), result.GetProperty("presentMembers").GetInt32(),
            result.GetProperty("forMembers").GetInt32(), result.GetProperty("againstMembers").GetInt32()));
        Assert.True(result.GetProperty("quorum").GetBoolean());
        Assert.True(result.GetProperty("passes").GetBoolean());
    }

    /// <summary>A new account that joined lakeside with a code for this household (grid 7).</summary>
    private async Task<(HttpClient Client, string Id)> ResidentOfAsync(string userName, string household)
    {
        var clerk = await _app.SignedInAs("clerk");
        var issued = await (await clerk.Post($"{Council}/invitations", new { household, grid = "7" })).Expect(HttpStatusCode.OK);
        var resident = await _app.SignUpAsync(userName);
        await (await resident.Post($"{Council}/invitations/redeem", new { code = issued.GetProperty("code").GetString() })).Expect(HttpStatusCode.OK);
        return (resident, await resident.IdOfAsync());
    }
}
