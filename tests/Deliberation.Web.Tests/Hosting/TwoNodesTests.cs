using System.Collections.Concurrent;
using System.Net;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>Several app processes on one database form one cluster: one activation per key, pushes to every node.</summary>
public sealed class TwoNodesTests
{
    private const string Council = CouncilAppSteps.Council;

    [TwoNodesFact]
    public async Task ABallotHasOneActivationWhicheverNodeIsAsked()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var ballot = (await nodes.A.PartyMeetingVotingAsync()).Ballot;
        var ballotId = ballot.Split('/')[^1];
        var (memberOnA, clerkOnB) = (await nodes.A.SignedInAs("member1"), await nodes.B.SignedInAs("clerk"));
        var (chairOnB, clerkOnA) = (await nodes.B.SignedInAs("chair"), await nodes.A.SignedInAs("clerk"));

        await (await memberOnA.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        var seenOnB = await (await clerkOnB.GetAsync(ballot)).Expect(HttpStatusCode.OK);
        await (await chairOnB.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);
        var seenOnA = await (await clerkOnA.GetAsync(ballot)).Expect(HttpStatusCode.OK);

        Assert.Equal(1, seenOnB.GetProperty("votesCast").GetInt32());
        Assert.Equal(2, seenOnA.GetProperty("votesCast").GetInt32());
        var (fromA, fromB) = (await TwoNodes.ActivationOfBallotAsync(nodes.A, ballotId), await TwoNodes.ActivationOfBallotAsync(nodes.B, ballotId));
        Assert.NotNull(fromA);
        Assert.Equal(fromA, fromB);
        Assert.Contains(fromA, new[] { TwoNodes.SiloOf(nodes.A), TwoNodes.SiloOf(nodes.B) });
    }

    [TwoNodesFact]
    public async Task ARefusalFromABallotOnTheOtherNodeIsAProblemAnswer()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var ballot = (await nodes.A.PartyMeetingVotingAsync()).Ballot;
        var (_, other) = await nodes.ByBallotAsync(ballot.Split('/')[^1]);
        var member = await other.SignedInAs("member1");
        await (await member.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);

        // The grain's refusal crosses from its silo to the node that was asked, and is answered as on one node.
        var refused = await (await member.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-9" })).ExpectProblem(HttpStatusCode.Conflict);
        var missing = await (await member.Post($"{Council}/ballots/ballot-nothing-here/votes", new { choice = "For", clientVoteId = "m-1" }))
            .ExpectProblem(HttpStatusCode.NotFound);

        Assert.Contains("cast already", refused.GetProperty("detail").GetString());
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
    }

    [TwoNodesFact]
    public async Task AProcessRefusalFromAnItemOnTheOtherNodeSaysWhatIsAllowed()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var resident = await nodes.A.SignedInAs("resident");
        var created = await (await resident.Post($"{Council}/items", new { title = "长椅", text = "湖边加长椅", category = "维修 Repairs", place = "湖边" }))
            .Expect(HttpStatusCode.Created);
        var itemId = created.GetProperty("id").GetString()!;
        var (_, other) = await nodes.ByGrainAsync(grains => grains.GetGrain<Deliberation.Web.AgendaItems.IAgendaItemGrain>(itemId));
        var clerk = await other.SignedInAs("clerk");
        await (await clerk.Post($"{Council}/items/{itemId}/accept", new { })).Expect(HttpStatusCode.OK);

        var refused = await (await clerk.Post($"{Council}/items/{itemId}/end-notice")).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Contains("end-notice", refused.GetProperty("detail").GetString());
        Assert.NotEmpty(refused.GetProperty("allowed").EnumerateArray());
    }

    [TwoNodesFact]
    public async Task AVoteCastOnOneNodeReachesAScreenOnTheOther()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var (meeting, ballot) = await nodes.A.PartyMeetingVotingAsync();
        var (meetingId, ballotId) = (meeting.Split('/')[^1], ballot.Split('/')[^1]);
        // The push leaves from the node that holds the ballot; the screen is on the other, so only the backplane carries it.
        var (home, other) = await nodes.ByBallotAsync(ballotId);
        await using var console = await other.MeetingHubAsync("clerk");
        await console.InvokeAsync<MeetingLive>("Join", "lakeside", meetingId);
        var member = await home.SignedInAs("member1");

        var tally = console.Next<BallotView>("BallotChanged", b => b.VotesCast == 1);
        await (await member.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);

        Assert.Equal(ballotId, (await tally).Id);
    }

    [TwoNodesFact]
    public async Task ANodeStoppedDuringAVoteBurstLosesNoAcknowledgedVoteAndTheOtherServesTheBallot()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var ballot = (await nodes.A.PartyMeetingVotingAsync()).Ballot;
        var (home, survivor) = await nodes.ByBallotAsync(ballot.Split('/')[^1]);
        var ids = await survivor.UserIdsAsync();
        // Each phone resends its vote (same client vote id) until its node answers no more.
        var votes = new (string Login, object Vote)[]
        {
            ("chair", new { choice = "For", clientVoteId = "c-1" }),
            ("member1", new { choice = "Against", clientVoteId = "m-1" }),
            ("member1", new { choice = "Abstain", clientVoteId = "m-2", voterId = ids["刘代表 Rep. Liu"] }),
        };
        var phones = new List<(HttpClient OnHome, HttpClient OnSurvivor, object Vote, string ClientVoteId)>();
        foreach (var (login, vote) in votes)
            phones.Add((await home.SignedInAs(login), await survivor.SignedInAs(login), vote, (string)vote.GetType().GetProperty("clientVoteId")!.GetValue(vote)!));
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var burst = phones.Select(phone => Task.Run(async () =>
        {
            for (var send = 0; send < 50; send++)
            {
                try
                {
                    using var response = await phone.OnHome.Post($"{ballot}/votes", phone.Vote);
                    if (response.StatusCode != HttpStatusCode.OK) return;
                    acknowledged[phone.ClientVoteId] = true;
                    firstAcknowledged.TrySetResult();
                }
                catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or InvalidOperationException or OperationCanceledException) { return; }
            }
        })).ToList();
        await firstAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await nodes.StopAsync(home);
        await Task.WhenAll(burst).WaitAsync(TimeSpan.FromSeconds(60));
        var resent = new List<(string ClientVoteId, bool Recorded)>();
        foreach (var phone in phones)
        {
            var receipt = await (await phone.OnSurvivor.Post($"{ballot}/votes", phone.Vote)).Expect(HttpStatusCode.OK);
            resent.Add((phone.ClientVoteId, receipt.GetProperty("recorded").GetBoolean()));
        }
        var view = await (await (await survivor.SignedInAs("clerk")).GetAsync(ballot)).Expect(HttpStatusCode.OK);

        Assert.NotEmpty(acknowledged);
        // A vote the stopped node acknowledged is durable: its resend on the survivor is known, not counted again.
        Assert.All(resent.Where(r => acknowledged.ContainsKey(r.ClientVoteId)), r => Assert.False(r.Recorded));
        Assert.Equal(votes.Length, view.GetProperty("votesCast").GetInt32());
        Assert.Equal(TwoNodes.SiloOf(survivor), await TwoNodes.ActivationOfBallotAsync(survivor, ballot.Split('/')[^1]));
    }
}
