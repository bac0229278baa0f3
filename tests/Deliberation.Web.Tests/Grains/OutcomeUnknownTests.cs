using System.Net;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Grains;

/// <summary>
/// A write that may have landed is never answered "nothing was kept": it is "outcome unknown: resend with the same id",
/// and the resend with the same id is answered from the log, recorded once.
/// </summary>
public sealed class OutcomeUnknownTests
{
    private const string Items = CouncilAppSteps.Council + "/items";

    [Fact]
    public async Task AWriteThatOutlivesItsTimeLimitIsAnsweredOutcomeUnknownAndItsResendIsRecordedOnce()
    {
        using var app = new CouncilApp(settings: new Dictionary<string, string?> { ["Silo:EventLog:Timeout"] = "00:00:02" })
            .WrapEventLog(log => new GatedEventLog(log));
        var resident = await app.SignedInAs("resident");
        var log = (GatedEventLog)app.Services.GetRequiredService<IEventLog>();
        var objection = new { text = "分类亭离水井太近", requestId = "objection-7f3a" };
        var before = await CountAsync(app, "agenda-item-item-demo-kiosks", "ObjectionRaised");

        log.Hold("agenda-item-item-demo-kiosks");
        var unknown = await resident.Post($"{Items}/item-demo-kiosks/object", objection);
        log.Release(); // the write that outlived its time limit goes through after all
        var resent = await resident.Post($"{Items}/item-demo-kiosks/object", objection);

        var problem = await unknown.ExpectProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("urn:deliberation:problem:outcome-unknown", problem.GetProperty("type").GetString());
        Assert.StartsWith("outcome unknown: resend with the same id", problem.GetProperty("detail").GetString());
        Assert.NotNull(unknown.Headers.RetryAfter);
        await resent.Expect(HttpStatusCode.OK);
        Assert.Equal(before + 1, await CountAsync(app, "agenda-item-item-demo-kiosks", "ObjectionRaised"));
    }

    [Fact]
    public async Task ACommitThatWentUnconfirmedIsAnsweredOutcomeUnknownAndItsResendIsRecordedOnce()
    {
        using var app = new CouncilApp().WrapEventLog(log => new GatedEventLog(log));
        var property = await app.SignedInAs("property");
        var log = (GatedEventLog)app.Services.GetRequiredService<IEventLog>();
        var progress = new { text = "许可证已办好。", percentDone = 80 };
        var before = await CountAsync(app, "agenda-item-item-demo-canteen", "ProgressReported");

        log.FailAfterCommit("agenda-item-item-demo-canteen");
        var unknown = await Send(property, progress, "progress-41c2");
        var resent = await Send(property, progress, "progress-41c2");

        var problem = await unknown.ExpectProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("urn:deliberation:problem:outcome-unknown", problem.GetProperty("type").GetString());
        await resent.Expect(HttpStatusCode.OK);
        Assert.Equal(before + 1, await CountAsync(app, "agenda-item-item-demo-canteen", "ProgressReported"));
    }

    [Fact]
    public async Task AVoteWhoseCommitWentUnconfirmedGetsAHubErrorWithTheOutcomeUnknownCodeAndItsResendCountsOnce()
    {
        using var app = new CouncilApp().WrapEventLog(log => new GatedEventLog(log));
        var (_, ballot) = await app.PartyMeetingVotingAsync();
        var ballotId = ballot.Split('/')[^1];
        var log = (GatedEventLog)app.Services.GetRequiredService<IEventLog>();
        await using var member = await app.MeetingHubAsync("member1");
        var vote = new Deliberation.Web.Ballots.CastVote(Deliberation.Domain.Ballots.VoteChoice.For, "phone-7", null);

        log.FailAfterCommit($"ballot-{ballotId}");
        var unknown = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync<Deliberation.Web.Ballots.VoteReceipt>(member, "CastVote", "lakeside", ballotId, vote));
        var resent = await Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync<Deliberation.Web.Ballots.VoteReceipt>(member, "CastVote", "lakeside", ballotId, vote);
        var closed = await (await (await app.SignedInAs("chair")).Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        // SignalR puts its own preface before a HubException's message; the code follows it.
        Assert.Contains("HubException: outcome-unknown: ", unknown.Message, StringComparison.Ordinal);
        Assert.False(resent.Recorded); // already there: the first one landed
        Assert.Equal(1, closed.GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task AWriteThatFailedBeforeItsCommitSaysNothingWasKept()
    {
        using var app = new CouncilApp(settings: new Dictionary<string, string?> { ["Silo:EventLog:Timeout"] = "00:00:02" });
        var resident = await app.SignedInAs("resident");
        var before = await app.CountEventsAsync();

        // The database refuses the write outright (no such table): nothing can have been kept.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var rename = connection.CreateCommand();
            rename.CommandText = "ALTER TABLE events RENAME TO events_away";
            await rename.ExecuteNonQueryAsync();
            var refused = await resident.Post($"{Items}/item-demo-kiosks/object", new { text = "太近", requestId = "objection-8b1d" });
            rename.CommandText = "ALTER TABLE events_away RENAME TO events";
            await rename.ExecuteNonQueryAsync();

            var problem = await refused.ExpectProblem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("urn:deliberation:problem:storage-unavailable", problem.GetProperty("type").GetString());
        }
        Assert.Equal(before, await app.CountEventsAsync());
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Items}/item-demo-canteen/report-progress") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    internal static async Task<int> CountAsync(CouncilApp app, string stream, string type) =>
        (await app.Services.GetRequiredService<IEventLog>().ReadStreamAsync(stream)).Count(e => e.EventType == type);
}
