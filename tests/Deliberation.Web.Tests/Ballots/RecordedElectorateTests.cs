using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>The item takes the count as the ballot made it, under the electorate and rule the ballot recorded at opening.</summary>
public sealed class RecordedElectorateTests : IAsyncLifetime
{
    private const string Council = CouncilAppSteps.Council;
    private readonly CouncilApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ARoleChangeDuringTheBallotDoesNotChangeTheOutcome()
    {
        // The party members' roll is chair, member1, member2: two votes for carry it (more than half of three).
        var (_, ballot) = await _app.PartyMeetingVotingAsync();
        var clerk = await _app.SignedInAs("clerk");
        var chair = await _app.SignedInAs("chair");
        var ids = await BodyBallotSteps.LoginIdsAsync(_app);
        await (await chair.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);
        await (await (await _app.SignedInAs("member1")).Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);

        // Two more members join the roll while the ballot is open: counted on today's roll, two of five would not carry it.
        foreach (var login in new[] { "member3", "member4" })
            await (await clerk.Post($"{Council}/roles", new
            {
                userId = ids[login], displayName = login, role = "Member", body = "party-members", weight = 1, reason = "joined mid-ballot",
            })).Expect(HttpStatusCode.NoContent);
        var closed = await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        Assert.Equal(3, closed.GetProperty("result").GetProperty("electorateMembers").GetInt32());
        Assert.True(closed.GetProperty("result").GetProperty("passes").GetBoolean());
        Assert.True(closed.GetProperty("recordedOnItem").GetBoolean());
        var item = await (await clerk.GetAsync($"{Council}/items/item-demo-parking")).Expect(HttpStatusCode.OK);
        Assert.Equal("resolution", item.GetProperty("currentStep").GetProperty("id").GetString());
    }
}
