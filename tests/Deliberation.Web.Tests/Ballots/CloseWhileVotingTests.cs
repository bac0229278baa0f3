using System.Text.Json;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Ballots;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// Casts interleave with everything on a ballot, its close included (docs/architecture.md, "Interleaved votes"). What
/// holds: the close counts exactly the votes decided before it on the activation, and each of those is acknowledged
/// (its write precedes the close's in the log); a vote that comes after is refused as closed, never acknowledged. So
/// no acknowledged vote is left out of the count and no counted vote was refused.
/// </summary>
public sealed class CloseWhileVotingTests
{
    private const string Council = "lakeside";
    private const int Voters = 300;

    [Fact]
    public async Task ACloseWhileVotesAreInFlightCountsEveryAcknowledgedVoteAndRefusesTheRest()
    {
        using var app = new CouncilApp(seedDemo: false);
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var chair = new Actor("chair-close-test", [new RoleGrant(CouncilRole.Chair, null, 1)]);
        var voters = Enumerable.Range(0, Voters).Select(i => new Actor($"voter-{i:D3}", [new RoleGrant(CouncilRole.Member, "body", 1)])).ToArray();
        var id = $"ballot-close-{Guid.NewGuid():n}"[..30];
        var ballot = grains.GetGrain<IBallotGrain>(id);
        await ballot.OpenAsync(new BallotSetup(Council, "meeting-none", "item-none", "body", "villager-representatives",
            new Count(Voters, Voters), voters.Select(v => new BallotVoter(v.UserId, 1, v.UserId)).ToList()), chair);

        var before = voters[..(Voters / 2)].Select(v => CastAsync(ballot, v)).ToList();
        await Task.WhenAny(before); // some votes acknowledged, the rest of this half in flight
        var close = ballot.CloseAsync(Council, chair);
        var after = voters[(Voters / 2)..].Select(v => CastAsync(ballot, v)).ToList();
        var closed = await close;
        var outcomes = await Task.WhenAll(before.Concat(after));

        var acknowledged = outcomes.Count(o => o == Outcome.Acknowledged);
        Assert.All(outcomes, o => Assert.NotEqual(Outcome.Other, o));
        Assert.True(acknowledged > 0, "no vote was acknowledged");
        Assert.True(outcomes.Any(o => o == Outcome.RefusedAsClosed), "no vote came after the close");
        Assert.Equal(acknowledged, closed.Result!.ForMembers);
        Assert.Equal(acknowledged, closed.VotesCast);
        var stream = await app.Services.GetRequiredService<IEventLog>().ReadStreamAsync($"ballot-{id}");
        Assert.Equal(nameof(BallotClosed), stream[^1].EventType);
        Assert.Equal(acknowledged, stream.Count(e => e.EventType == nameof(VoteCast)));
    }

    private enum Outcome { Acknowledged, RefusedAsClosed, Other }

    private static async Task<Outcome> CastAsync(IBallotGrain ballot, Actor voter)
    {
        await Task.Yield(); // each vote is sent on its own, as many phones would
        try
        {
            var receipt = await ballot.CastAsync(Council, new CastVote(VoteChoice.For, $"c-{voter.UserId}", null), voter);
            return receipt.Recorded ? Outcome.Acknowledged : Outcome.Other;
        }
        catch (BallotRuleViolation e) when (e.Message.Contains("closed", StringComparison.Ordinal))
        {
            return Outcome.RefusedAsClosed;
        }
    }
}
