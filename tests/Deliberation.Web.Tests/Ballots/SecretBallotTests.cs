using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using static Deliberation.Web.Tests.Ballots.BodyBallotSteps;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// Secret ballots through the real app, over HTTP and the hub: after closing, no table of the database joins a voter
/// to a choice; each voter finds their receipt with their choice in the signed list; a second vote is refused and a
/// resend counts once.
/// </summary>
public sealed class SecretBallotTests
{
    // chair, member1 and member3 present; member1 also holds absent member2's proxy: four votes, cast by three people.
    private static readonly OnRoll[] Roll = [new("chair", 1), new("member1", 1, "Proxy", "member2"), new("member2", 1, "Absent"), new("member3", 1)];

    [Fact]
    public async Task AfterClosingNoTableJoinsAVoterToAChoiceAndEachFindsTheirReceipt_Sqlite()
    {
        using var app = new CouncilApp();
        await RunsSecretlyAsync(app, () => Task.FromResult(SecretBallotRows.Sqlite(app.DatabasePath)));
    }

    [PostgresFact]
    public async Task AfterClosingNoTableJoinsAVoterToAChoiceAndEachFindsTheirReceipt_Postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp().UsePostgres(database.ConnectionString);
        await RunsSecretlyAsync(app, () => SecretBallotRows.PostgresAsync(database.ConnectionString));
    }

    private static async Task RunsSecretlyAsync(CouncilApp app, Func<Task<List<SecretBallotRows.Row>>> everyRow)
    {
        var chair = await app.SignedInAs("chair");
        var member1 = await app.SignedInAs("member1");
        var member3 = await app.SignedInAs("member3");
        var ids = await LoginIdsAsync(app);
        var meeting = await app.BodyInSessionAsync("secret-body", "simple-majority", Roll);
        var (ballot, opened) = await app.OpenBallotAsync(meeting, new { kind = "Secret" });
        var ballotId = opened.GetProperty("id").GetString()!;
        await using var hub = await app.MeetingHubAsync("member1");

        var chairVote = await (await chair.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "c-1" })).Expect(HttpStatusCode.OK);
        var ownVote = await hub.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "m-1", null));
        var proxyVote = await (await member1.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "m-2", voterId = ids["member2"] })).Expect(HttpStatusCode.OK);
        var member3Vote = await (await member3.Post($"{ballot}/votes", new { choice = "Abstain", clientVoteId = "x-1" })).Expect(HttpStatusCode.OK);
        var resent = await (await member3.Post($"{ballot}/votes", new { choice = "Abstain", clientVoteId = "x-1" })).Expect(HttpStatusCode.OK);
        var hubResent = await hub.InvokeAsync<VoteReceipt>("CastVote", "lakeside", ballotId, new CastVote(VoteChoice.For, "m-1", null));
        await (await member3.Post($"{ballot}/votes", new { choice = "Against", clientVoteId = "x-2" })).ExpectProblem(HttpStatusCode.Conflict);
        await (await member3.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "x-1" })).ExpectProblem(HttpStatusCode.Conflict);
        var whileOpen = await everyRow();
        var closed = await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);
        var published = await (await app.Visitor().GetAsync($"{ballot}/published")).Expect(HttpStatusCode.OK) is var p && p.ValueKind == JsonValueKind.Object
            ? p : default;
        var anonymousView = closed;
        var rows = await everyRow();

        // Receipts: one per vote, the resends answered with the first's, the hub's as the API's.
        var receipts = new Dictionary<string, (string Receipt, string Choice, string ClientVoteId)>
        {
            ["chair"] = (chairVote.GetProperty("receipt").GetString()!, "For", "c-1"),
            ["member1"] = (ownVote.Receipt!, "For", "m-1"),
            ["member2"] = (proxyVote.GetProperty("receipt").GetString()!, "Against", "m-2"),
            ["member3"] = (member3Vote.GetProperty("receipt").GetString()!, "Abstain", "x-1"),
        };
        Assert.Equal(4, receipts.Values.Select(r => r.Receipt).Distinct().Count());
        Assert.True(ownVote.Recorded);
        Assert.False(resent.GetProperty("recorded").GetBoolean());
        Assert.Equal(receipts["member3"].Receipt, resent.GetProperty("receipt").GetString());
        Assert.False(hubResent.Recorded);
        Assert.Equal(ownVote.Receipt, hubResent.Receipt);
        Assert.Contains(whileOpen, r => r.Table == "secret_ballot_keys");
        Assert.Equal(4, whileOpen.Count(r => r.Table == "secret_ballot_seals"));

        // The result is counts only.
        var result = closed.GetProperty("result");
        Assert.Equal((2, 1, 1), (result.GetProperty("forMembers").GetInt32(), result.GetProperty("againstMembers").GetInt32(), result.GetProperty("abstainMembers").GetInt32()));
        Assert.Equal(0, closed.GetProperty("votes").GetArrayLength());
        Assert.Equal(4, closed.GetProperty("votesCast").GetInt32());

        // Each voter finds their receipt with their choice in the published list, whose signature verifies.
        var list = published.GetProperty("list").GetString()!;
        var entries = published.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("receipt").GetString()!, e => e.GetProperty("choice").GetString());
        foreach (var (receipt, choice, _) in receipts.Values)
        {
            Assert.Equal(choice, entries[receipt]);
            Assert.Contains($"\n{receipt}\t{choice}\n", list, StringComparison.Ordinal);
        }
        Assert.Equal(4, entries.Count);
        var page = await app.Visitor().GetStringAsync($"/councils/lakeside/ballots/{ballotId}/published?receipt={receipts["member3"].Receipt.ToLowerInvariant()}");
        Assert.Contains($"凭据 {receipts["member3"].Receipt} 在清单中", page, StringComparison.Ordinal);
        if (File.Exists("/usr/bin/openssl")) Assert.Equal("Verified OK", await OpensslVerifiesAsync(published));
        using (var key = ECDsa.Create())
        {
            key.ImportFromPem(published.GetProperty("publicKey").GetString());
            var signature = Convert.FromBase64String(published.GetProperty("signature").GetString()!);
            Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(list), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            Assert.False(key.VerifyData(Encoding.UTF8.GetBytes(list.Replace("\tAgainst\n", "\tFor\n", StringComparison.Ordinal)), signature,
                HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }

        // Every row of every table: the key and the seals are gone; every receipt is in one row only, which names no
        // voter but the chair who closed it as its actor, and no client vote id; the participations hold no receipt and no choice.
        SecretBallotRows.NothingJoinsAVoterToAChoice(rows, receipts.Values.Select(v => new SecretBallotRows.Voted(v.Receipt, v.ClientVoteId)).ToList(),
            new[] { "member1", "member2", "member3" }.Select(who => ids[who]));
        Assert.Equal(closed.GetProperty("id").GetString(), anonymousView.GetProperty("id").GetString());
    }

    /// <summary>The recipe of docs/secret-ballots.md, with openssl: the list's text, the DER signature and the PEM key as files.</summary>
    private static async Task<string> OpensslVerifiesAsync(JsonElement published)
    {
        var folder = Directory.CreateTempSubdirectory("secret-ballot-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "list.txt"), Encoding.UTF8.GetBytes(published.GetProperty("list").GetString()!));
            await File.WriteAllBytesAsync(Path.Combine(folder, "list.sig"), Convert.FromBase64String(published.GetProperty("signature").GetString()!));
            await File.WriteAllTextAsync(Path.Combine(folder, "council.pem"), published.GetProperty("publicKey").GetString());
            using var openssl = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/openssl",
                ["dgst", "-sha256", "-verify", "council.pem", "-signature", "list.sig", "list.txt"])
            { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await openssl.StandardOutput.ReadToEndAsync();
            await openssl.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return output.Trim();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
