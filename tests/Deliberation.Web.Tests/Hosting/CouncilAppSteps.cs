using System.Net;
using Microsoft.Data.Sqlite;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>Steps many tests take against the demo council, done the way a person would: through the app.</summary>
public static class CouncilAppSteps
{
    public const string Council = "/api/councils/lakeside";

    /// <summary>A meeting time the app accepts whenever the tests run: meetings start from yesterday to two years ahead.</summary>
    public static DateTimeOffset NextWeek => DateTimeOffset.UtcNow.AddDays(7);

    /// <summary>Straight from the database: how many events the log holds (a refused request must not add any).</summary>
    public static async Task<long> CountEventsAsync(this CouncilApp app)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A new account, signed up and signed in; it holds no role anywhere.</summary>
    public static async Task<HttpClient> SignUpAsync(this CouncilApp app, string userName)
    {
        await (await app.Visitor().Post("/api/account/sign-up", new { userName, displayName = userName, password = "long-enough-1" }))
            .Expect(HttpStatusCode.Created);
        return await app.SignedInAs(userName, "long-enough-1");
    }

    /// <summary>The demo people's user ids by display name, as the clerk sees them on the council's roles.</summary>
    public static async Task<Dictionary<string, string>> UserIdsAsync(this CouncilApp app)
    {
        var clerk = await app.SignedInAs("clerk");
        var roles = await (await clerk.GetAsync($"{Council}/roles")).Expect(HttpStatusCode.OK);
        return roles.EnumerateArray().GroupBy(r => r.GetProperty("displayName").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("userId").GetString()!);
    }

    /// <summary>
    /// A party members' meeting (chair, member1, member2 on its roll) in session on the parking item, which has left
    /// consultation for this body's vote: the chair present, member2 absent with member1 as proxy, a ballot open.
    /// Returns the meeting's and the ballot's API paths.
    /// </summary>
    public static async Task<(string Meeting, string Ballot)> PartyMeetingVotingAsync(this CouncilApp app)
    {
        var clerk = await app.SignedInAs("clerk");
        var chair = await app.SignedInAs("chair");
        var ids = await app.UserIdsAsync();
        await (await clerk.Post($"{Council}/items/item-demo-parking/complete-step")).Expect(HttpStatusCode.OK);
        var created = await (await clerk.Post($"{Council}/meetings", new
        {
            bodyId = "party-members", title = "党员大会", startsAt = CouncilAppSteps.NextWeek, place = "湖边议事厅", agenda = new[] { "item-demo-parking" },
        })).Expect(HttpStatusCode.Created);
        var meeting = $"{Council}/meetings/{created.GetProperty("id").GetString()}";
        await (await chair.Post($"{meeting}/open")).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/attendance", new { userId = ids["李主任 Chair Li"], attendance = "Present" })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/attendance", new { userId = ids["刘代表 Rep. Liu"], attendance = "Absent" })).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/attendance", new { userId = ids["张代表 Rep. Zhang"], attendance = "Proxy", proxyFor = ids["刘代表 Rep. Liu"] }))
            .Expect(HttpStatusCode.OK);
        await (await chair.Post($"{meeting}/take-up", new { itemId = "item-demo-parking" })).Expect(HttpStatusCode.OK);
        var ballot = await (await chair.Post($"{meeting}/ballots")).Expect(HttpStatusCode.Created);
        return (meeting, $"{Council}/ballots/{ballot.GetProperty("id").GetString()}");
    }
}
