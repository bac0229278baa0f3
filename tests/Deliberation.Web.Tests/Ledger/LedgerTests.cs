using System.Net;
using System.Text;
using Deliberation.Web.Tests.Escalations;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Ledger;

/// <summary>The ledger (台账): who reads it, its CSV, and an entry past its due date flagged there, also after a restart.</summary>
public sealed class LedgerTests
{
    private const string Council = "/api/councils/lakeside";

    [Fact]
    public async Task StaffReadTheWholeLedgerADepartmentOnlyItsOwnAndNobodyAnotherCouncils()
    {
        using var app = new CouncilApp();
        var (resident, clerk, works, member) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"),
            await app.SignedInAs("works"), await app.SignedInAs("member3"));
        var (_, escalation) = await EscalationJourneyTests.RoutedAsync(app, resident, clerk);
        var hillsideClerk = await app.HillsideWithClerkAsync("hill-clerk");

        foreach (var staff in new[] { clerk, member })
            Assert.Contains(Ids(await (await staff.GetAsync($"{Council}/ledger")).Expect(HttpStatusCode.OK)), id => id == escalation);
        Assert.Equal([escalation], Ids(await (await works.GetAsync($"{Council}/ledger")).Expect(HttpStatusCode.OK)));
        await (await resident.GetAsync($"{Council}/ledger")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await resident.GetAsync("/councils/lakeside/ledger.csv")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await hillsideClerk.GetAsync($"{Council}/ledger")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await hillsideClerk.GetAsync("/councils/lakeside/ledger.csv")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await works.GetAsync("/api/councils/hillside/ledger")).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(escalation, await resident.GetStringAsync("/councils/lakeside/ledger"));
        Assert.Empty((await (await resident.GetAsync($"{Council}/escalations")).Expect(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task TheCsvCarriesChineseQuotesAndCommasThroughUnchanged()
    {
        using var app = new CouncilApp();
        var (resident, clerk) = (await app.SignedInAs("resident"), await app.SignedInAs("clerk"));
        const string title = "村口\"路灯\"不亮，东侧,西侧各三盏";
        var item = (await (await resident.Post($"{Council}/items", new { title, text = "晚上很黑", category = "维修 Repairs", place = "村口" }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await clerk.Post($"{Council}/items/{item}/route", new
        {
            department = "town-works", reason = "属城建办职责", request = "请修复",
            dueOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(7),
        })).Expect(HttpStatusCode.OK);

        var response = await clerk.GetAsync("/councils/lakeside/ledger.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Parse(new UTF8Encoding(false).GetString(bytes[3..]));
        Assert.Equal("编号 Reference", rows[0][0]);
        var row = Assert.Single(rows, r => r.Count > 1 && r[1] == title);
        Assert.Equal("镇城建办 Town Works Office", row[2]);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
    }

    [Fact]
    public async Task AnEscalationPastItsDueDateIsFlaggedInTheLedgerAndTheConsoleAlsoAfterARestart()
    {
        using var site = new CouncilApp(); // owns the database file; never started itself
        string escalation;
        using (var first = new CouncilApp().UseDatabaseOf(site).WithRemindersOnTestClock())
        {
            var (resident, clerk) = (await first.SignedInAs("resident"), await first.SignedInAs("clerk"));
            using var reminders = new ReminderProbe("the escalation", key => key.StartsWith("esc-", StringComparison.Ordinal));
            (_, escalation) = await EscalationJourneyTests.RoutedAsync(first, resident, clerk, respondWithinHours: 24, dueInDays: 3);
            await reminders.ArmedAsync();
            Assert.Empty(Ids(await (await clerk.GetAsync($"{Council}/ledger?overdue=true")).Expect(HttpStatusCode.OK)));

            first.Clock.Advance(TimeSpan.FromDays(5));
            await reminders.TickedAsync();

            clerk = await first.SignedInAs("clerk");
            var flagged = Assert.Single((await (await clerk.GetAsync($"{Council}/ledger?overdue=true")).Expect(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray());
            Assert.True(flagged.GetProperty("overdueNow").GetBoolean());
            Assert.True(flagged.GetProperty("entry").GetProperty("overdue").GetBoolean());
            Assert.Contains("overdue-console", await clerk.GetStringAsync("/councils/lakeside"));
        }

        // Started again on today's clock, before the due date: the entry stays flagged, as its events say.
        using var second = new CouncilApp().UseDatabaseOf(site);
        var clerkAgain = await second.SignedInAs("clerk");
        var again = Assert.Single((await (await clerkAgain.GetAsync($"{Council}/ledger?overdue=true")).Expect(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray());
        Assert.Equal(escalation, again.GetProperty("entry").GetProperty("id").GetString());
        var page = await clerkAgain.GetStringAsync("/councils/lakeside/ledger?overdue=true");
        Assert.Contains("class=\"overdue\"", page);
        var console = await clerkAgain.GetStringAsync("/councils/lakeside");
        Assert.Contains($"/councils/lakeside/escalations/{escalation}", console);
    }

    private static List<string?> Ids(System.Text.Json.JsonElement ledger) =>
        ledger.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry").GetProperty("id").GetString()).ToList();

    /// <summary>RFC 4180, read strictly: quoted fields with doubled quotes, CRLF between records.</summary>
    internal static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var (row, field, quoted, i) = (new List<string>(), new StringBuilder(), false, 0);
        while (i < csv.Length)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') quoted = false;
                else field.Append(c);
                i++;
                continue;
            }
            if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else field.Append(c);
            i++;
        }
        Assert.Empty(field.ToString());
        Assert.Empty(row);
        return rows;
    }
}
