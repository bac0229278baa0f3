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
        var chair = await _app.SignedInAs("chair");
        var (wife, wifeId) = await _app.ResidentOfAsync("hh-wife", "7-101");
        var (husband, husbandId) = await _app.ResidentOfAsync("hh-husband", "7-101");
        var (neighbour, neighbourId) = await _app.ResidentOfAsync("hh-neighbour", "7-102");
        var (_, awayId) = await _app.ResidentOfAsync("hh-away", "7-103");
        var meeting = await _app.HouseholdMeetingAsync("household-reps",
            [(wifeId, "Present"), (husbandId, "Present"), (neighbourId, "Present"), (awayId, "Absent")]);
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
}
