using System.Net;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Ballots;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using static Deliberation.Web.Tests.Ballots.BodyBallotSteps;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// A secret vote is two writes (its seal in the vault, then its participation in the log): what a resend finds after
/// each of them failed, and after a restart; and a closing cut short before the key was destroyed.
/// </summary>
public sealed class SecretBallotCrashTests
{
    private static readonly OnRoll[] Roll = [new("chair", 1), new("member1", 1), new("member3", 1)];

    [Fact]
    public async Task ASealWhoseParticipationFailedIsReusedByTheResendAndCountedOnce()
    {
        using var app = new CouncilApp().WrapEventLog(log => new GatedEventLog(log));
        var (ballot, member1, chair) = await SecretBallotAsync(app);
        var log = (GatedEventLog)app.Services.GetRequiredService<IEventLog>();

        log.FailNext("ballot-");
        var failed = await member1.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-1" });
        var seals = Count(app, "secret_ballot_seals");
        var resent = await (await member1.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        var sealsAfter = Count(app, "secret_ballot_seals");
        var closed = await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        var published = await (await chair.GetAsync($"{ballot}/published")).Expect(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal((1, 1), (seals, sealsAfter));
        Assert.True(resent.GetProperty("recorded").GetBoolean());
        Assert.Equal(1, closed.GetProperty("result").GetProperty("againstMembers").GetInt32());
        var entry = Assert.Single(published.GetProperty("entries").EnumerateArray());
        Assert.Equal(resent.GetProperty("receipt").GetString(), entry.GetProperty("receipt").GetString());
        Assert.Equal(0, Count(app, "secret_ballot_seals"));
    }

    [Fact]
    public async Task AParticipationCommittedUnconfirmedIsAnsweredAsAlreadyThereWithItsReceipt()
    {
        using var app = new CouncilApp().WrapEventLog(log => new GatedEventLog(log));
        var (ballot, member1, chair) = await SecretBallotAsync(app);
        var log = (GatedEventLog)app.Services.GetRequiredService<IEventLog>();

        log.FailAfterCommit("ballot-");
        var unknown = await member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" });
        var resent = await (await member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        var closed = await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        var published = await (await chair.GetAsync($"{ballot}/published")).Expect(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
        Assert.False(resent.GetProperty("recorded").GetBoolean());
        Assert.Equal(1, closed.GetProperty("votesCast").GetInt32());
        Assert.Equal(resent.GetProperty("receipt").GetString(), Assert.Single(published.GetProperty("entries").EnumerateArray()).GetProperty("receipt").GetString());
    }

    [Fact]
    public async Task AfterARestartAResendFindsItsReceiptAndTheClosingCountsEveryAcknowledgedVote()
    {
        using var site = new CouncilApp(); // owns the database file; never started itself
        string ballot, receipt;
        using (var first = new CouncilApp().UseDatabaseOf(site))
        {
            HttpClient member1;
            (ballot, member1, _) = await SecretBallotAsync(first);
            receipt = (await (await member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK))
                .GetProperty("receipt").GetString()!;
            await (await (await first.SignedInAs("member3")).Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "x-1" })).Expect(HttpStatusCode.OK);
        }
        using var second = new CouncilApp().UseDatabaseOf(site);
        var again = await (await (await second.SignedInAs("member1")).Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        var closed = await (await (await second.SignedInAs("chair")).Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        var published = await (await second.Visitor().GetAsync($"{ballot}/published")).Expect(HttpStatusCode.OK);

        Assert.False(again.GetProperty("recorded").GetBoolean());
        Assert.Equal(receipt, again.GetProperty("receipt").GetString());
        Assert.Equal((1, 1), (closed.GetProperty("result").GetProperty("forMembers").GetInt32(), closed.GetProperty("result").GetProperty("againstMembers").GetInt32()));
        Assert.Contains(published.GetProperty("entries").EnumerateArray(), e => e.GetProperty("receipt").GetString() == receipt && e.GetProperty("choice").GetString() == "For");
    }

    [Fact]
    public async Task AClosedBallotWhoseKeyOutlivedItsClosingDestroysItWhenAskedToTidy()
    {
        using var app = new CouncilApp();
        var (ballot, member1, chair) = await SecretBallotAsync(app);
        await (await member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        // A resend after closing is refused as closed: the link to its receipt is gone.
        await (await member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).ExpectProblem(HttpStatusCode.Conflict);
        var ballotId = ballot[(ballot.LastIndexOf('/') + 1)..];
        // What a crash between the durable closing and the key's destruction leaves behind.
        Execute(app, $"INSERT INTO secret_ballot_keys (ballot_id, protected_key) VALUES ('{ballotId}', 'left-over')");
        Execute(app, $"INSERT INTO secret_ballot_seals (ballot_id, slot, sealed) VALUES ('{ballotId}', 'slot', 'left-over')");

        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IBallotGrain>(ballotId).TidySecretsAsync();

        Assert.Equal((0, 0), (Count(app, "secret_ballot_keys"), Count(app, "secret_ballot_seals")));
    }

    private static async Task<(string Ballot, HttpClient Member1, HttpClient Chair)> SecretBallotAsync(CouncilApp app)
    {
        var meeting = await app.BodyInSessionAsync("secret-body", "simple-majority", Roll);
        var (ballot, _) = await app.OpenBallotAsync(meeting, new { kind = "Secret" });
        return (ballot, await app.SignedInAs("member1"), await app.SignedInAs("chair"));
    }

    private static int Count(CouncilApp app, string table)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(CouncilApp app, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
