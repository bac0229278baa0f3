using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>
/// The app, a process of its own on a SQLite file, killed with SIGKILL while members' votes arrive over the meeting hub;
/// started again on the same file, each phone resends its vote with the same client vote id. Every vote acknowledged
/// before the kill is there (its resend answers "already there"), every member's vote ends counted, none twice.
/// </summary>
public sealed class HubVotesHardKillTests(ITestOutputHelper output)
{
    private const int Voters = 1000;

    [Fact]
    public async Task EveryVoteAcknowledgedOverTheHubBeforeAKillIsThereOnceAfterTheRestart()
    {
        var folder = Directory.CreateTempSubdirectory("deliberation-hub-kill").FullName;
        var database = Path.Combine(folder, "deliberation.db");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite", ["Storage:ConnectionString"] = $"Data Source={database}", ["Demo:Seed"] = "false",
        };
        ManyVoters setup;
        using (var seeding = new CouncilApp(seedDemo: false, settings: settings))
            setup = await ManyVoters.SetUpAsync(seeding.Services, Voters);
        string ballotId;
        var acknowledged = new ConcurrentDictionary<int, VoteReceipt>();
        int unanswered;

        await using (var node = await NodeProcess.StartAsync(settings, TimeSpan.FromSeconds(90)))
        {
            using var http = new HttpClient { BaseAddress = node.Address };
            ballotId = await OpenBallotAsync(http, setup);
            var phones = await Task.WhenAll(Enumerable.Range(0, Voters).Select(i => PhoneAsync(node.Address, setup.VoterCookies[i])));
            var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var burst = Enumerable.Range(0, Voters).Select(i => Task.Run(async () =>
            {
                try
                {
                    acknowledged[i] = await phones[i].InvokeAsync<VoteReceipt>("CastVote", setup.CouncilId, ballotId, VoteOf(i));
                    firstAcknowledged.TrySetResult();
                }
                catch (Exception e) when (e is HubException or IOException or InvalidOperationException or TaskCanceledException
                                              or System.Net.WebSockets.WebSocketException)
                {
                    // The connection died with the app: the outcome is unknown, and the phone resends once it can.
                }
            })).ToList();
            await firstAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60));
            node.Kill();
            await Task.WhenAll(burst).WaitAsync(TimeSpan.FromSeconds(60));
            // Acknowledgements already on their way when the kill landed still count: the app sent them once durable.
            unanswered = Voters - acknowledged.Count;
            await Task.WhenAll(phones.Select(p => p.DisposeAsync().AsTask()));
        }
        var acknowledgedBeforeKill = acknowledged.Keys.ToHashSet();

        var resent = new ConcurrentDictionary<int, VoteReceipt>();
        await using (var restarted = await NodeProcess.StartAsync(settings, TimeSpan.FromSeconds(90)))
        {
            var phones = await Task.WhenAll(Enumerable.Range(0, Voters).Select(i => PhoneAsync(restarted.Address, setup.VoterCookies[i])));
            await Task.WhenAll(Enumerable.Range(0, Voters).Select(async i =>
                resent[i] = await phones[i].InvokeAsync<VoteReceipt>("CastVote", setup.CouncilId, ballotId, VoteOf(i))));
            await Task.WhenAll(phones.Select(p => p.DisposeAsync().AsTask()));
        }
        var counted = CountedVoters(database, ballotId);
        output.WriteLine($"{Voters} votes over the hub; {acknowledgedBeforeKill.Count} acknowledged, {unanswered} never answered; " +
            $"after the restart {resent.Values.Count(r => r.Recorded)} recorded by their resend, {resent.Values.Count(r => !r.Recorded)} already there; " +
            $"stored {counted.Count}, distinct {counted.Distinct().Count()}");
        Directory.Delete(folder, recursive: true);

        Assert.True(unanswered > 0, "Every vote was answered before the kill: nothing was in flight.");
        Assert.All(acknowledgedBeforeKill, i => Assert.False(resent[i].Recorded, $"Phone {i}'s acknowledged vote was missing after the restart."));
        Assert.Equal(Voters, resent.Count);
        Assert.Equal(Voters, counted.Count);
        Assert.Equal(setup.VoterIds.Order(), counted.Order());
    }

    private static CastVote VoteOf(int phone) =>
        new(phone % 3 == 0 ? VoteChoice.Against : VoteChoice.For, $"phone-{phone}", null);

    private static async Task<string> OpenBallotAsync(HttpClient http, ManyVoters setup)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/councils/{setup.CouncilId}/meetings/{setup.MeetingId}/ballots")
        {
            Content = JsonContent.Create(new { itemId = setup.ItemId }),
        };
        request.Headers.Add("Cookie", setup.ChairCookie);
        using var response = await http.SendAsync(request);
        return (await response.Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>A member's phone on the meeting hub over WebSockets, signed in by its session cookie.</summary>
    private static async Task<HubConnection> PhoneAsync(Uri node, string cookie)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/meeting"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = cookie;
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The voters of every vote stored on the ballot's stream, read from the file once the app has stopped.</summary>
    private static List<string> CountedVoters(string database, string ballotId)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM events WHERE stream_id = $stream AND event_type = 'VoteCast'";
        command.Parameters.AddWithValue("$stream", $"ballot-{ballotId}");
        using var reader = command.ExecuteReader();
        var voters = new List<string>();
        while (reader.Read()) voters.Add(JsonSerializer.Deserialize<VoteCast>(reader.GetString(0), EventJson.Options)!.VoterId);
        return voters;
    }
}
