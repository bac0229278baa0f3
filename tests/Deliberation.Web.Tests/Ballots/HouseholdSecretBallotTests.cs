using System.Net;
using System.Text.Json;
using Deliberation.Web.Tests.Hosting;
using static Deliberation.Web.Tests.Ballots.SecretBallotRows;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// A secret ballot where households vote (rule <c>villager-meeting-households</c>) over HTTP: each household takes
/// part once, by whichever of its members comes first; the count is of households; each who voted finds their receipt
/// in the published list; and after closing no table joins a voter, nor the member who cast it, to a choice.
/// </summary>
public sealed class HouseholdSecretBallotTests
{
    private const string Council = CouncilAppSteps.Council;

    [Fact]
    public async Task EachHouseholdTakesPartOnceAndAfterClosingNoTableJoinsAVoterToAChoice()
    {
        using var app = new CouncilApp();
        var chair = await app.SignedInAs("chair");
        var (wife, wifeId) = await app.ResidentOfAsync("hs-wife", "8-101");
        var (husband, husbandId) = await app.ResidentOfAsync("hs-husband", "8-101");
        var (son, sonId) = await app.ResidentOfAsync("hs-son", "8-102");
        var (mother, motherId) = await app.ResidentOfAsync("hs-mother", "8-102");
        var (neighbour, neighbourId) = await app.ResidentOfAsync("hs-neighbour", "8-103");
        var (_, awayId) = await app.ResidentOfAsync("hs-away", "8-104");
        var meeting = await app.HouseholdMeetingAsync("household-secret", [(wifeId, "Present"), (husbandId, "Present"),
            (sonId, "Present"), (motherId, "Present"), (neighbourId, "Present"), (awayId, "Absent")]);
        var opened = await (await chair.Post($"{meeting}/ballots", new { kind = "Secret" })).Expect(HttpStatusCode.Created);
        var ballot = $"{Council}/ballots/{opened.GetProperty("id").GetString()}";
        // Each household's vote is kept under one of its two members: in 8-101 that one votes first, in 8-102 the other.
        var (keeper101, other101) = await KeeperFirstAsync(ballot, (wife, wifeId), (husband, husbandId));
        var (keeper102, other102) = await KeeperFirstAsync(ballot, (son, sonId), (mother, motherId));

        var byKeeper = await (await keeper101.Client.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "k101-1" })).Expect(HttpStatusCode.OK);
        var afterKeeper = await other101.Client.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "o101-1" });
        var byOther = await (await other102.Client.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "o102-1" })).Expect(HttpStatusCode.OK);
        var afterOther = await keeper102.Client.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "k102-1" });
        // The first's client vote id, with the first's choice, is not a resend when another member sends it: it would
        // hand them the first's receipt, and with it (in the published list) the choice.
        var sameIdByAnother = await keeper102.Client.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "o102-1" });
        var resent = await (await other102.Client.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "o102-1" })).Expect(HttpStatusCode.OK);
        var single = await (await neighbour.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "n103-1" })).Expect(HttpStatusCode.OK);
        var keeperSees = await (await keeper102.Client.GetAsync(ballot)).Expect(HttpStatusCode.OK);
        var closed = await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        // A voter checks the list (the public does too once the item is disclosed; it is not here).
        var published = await (await neighbour.GetAsync($"{ballot}/published")).Expect(HttpStatusCode.OK);
        var rows = Sqlite(app.DatabasePath);

        await afterKeeper.ExpectProblem(HttpStatusCode.Conflict);
        await afterOther.ExpectProblem(HttpStatusCode.Conflict);
        await sameIdByAnother.ExpectProblem(HttpStatusCode.Conflict);
        // The household's vote, whoever cast it; the keeper who did not cast it sees neither a vote to cast nor the receipt.
        Assert.Equal((keeper101.Id, keeper102.Id), (byKeeper.GetProperty("voterId").GetString(), byOther.GetProperty("voterId").GetString()));
        Assert.Empty(keeperSees.GetProperty("youMayCastFor").EnumerateArray());
        Assert.Empty(keeperSees.GetProperty("yourVotes").EnumerateArray());
        Assert.Equal((false, Receipt(byOther)), (resent.GetProperty("recorded").GetBoolean(), Receipt(resent)));

        // Four households on the roll, three present (3/4: the quorum holds), two for, one against; counts only.
        var result = closed.GetProperty("result");
        Assert.Equal((4, 3, 2, 1, 0), (result.GetProperty("electorateMembers").GetInt32(), result.GetProperty("presentMembers").GetInt32(),
            result.GetProperty("forMembers").GetInt32(), result.GetProperty("againstMembers").GetInt32(), result.GetProperty("abstainMembers").GetInt32()));
        Assert.Equal((true, true), (result.GetProperty("quorum").GetBoolean(), result.GetProperty("passes").GetBoolean()));
        Assert.Equal((3, 0), (closed.GetProperty("votesCast").GetInt32(), closed.GetProperty("votes").GetArrayLength()));

        // Each receipt, with its choice, in the shuffled list, once.
        var votes = new[] { (byKeeper, "For", "k101-1"), (byOther, "Against", "o102-1"), (single, "For", "n103-1") };
        var entries = published.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("receipt").GetString()!, e => e.GetProperty("choice").GetString());
        Assert.Equal(3, entries.Count);
        foreach (var (vote, choice, _) in votes)
        {
            Assert.Equal(choice, entries[Receipt(vote)]);
            Assert.Contains($"\n{Receipt(vote)}\t{choice}\n", published.GetProperty("list").GetString(), StringComparison.Ordinal);
        }
        NothingJoinsAVoterToAChoice(rows, votes.Select(v => new Voted(Receipt(v.Item1), v.Item3)).ToList(),
            [wifeId, husbandId, sonId, motherId, neighbourId, awayId]);
    }

    /// <summary>The two members of one household: the one its vote is kept under first, as the ballot tells either of them.</summary>
    private static async Task<((HttpClient Client, string Id) Keeper, (HttpClient Client, string Id) Other)> KeeperFirstAsync(string ballot,
        (HttpClient Client, string Id) one, (HttpClient Client, string Id) another)
    {
        var seen = await (await another.Client.GetAsync(ballot)).Expect(HttpStatusCode.OK);
        var keptUnder = Assert.Single(seen.GetProperty("youMayCastFor").EnumerateArray()).GetString();
        Assert.Contains(keptUnder, new[] { one.Id, another.Id });
        return keptUnder == one.Id ? (one, another) : (another, one);
    }

    private static string Receipt(JsonElement vote) => vote.GetProperty("receipt").GetString()!;
}
