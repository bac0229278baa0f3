using System.Net;
using Deliberation.Web.Tests.Grains;
using Microsoft.Data.Sqlite;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Escalations;

/// <summary>An escalation's time to respond and due date pass on their own: the council's clock flags it, nobody presses anything.</summary>
public sealed class EscalationOverdueTests
{
    private const string Council = "/api/councils/lakeside";

    [Fact]
    public async Task AnEscalationPastItsDueDateIsFlaggedOverdueByTheCouncilsProcess()
    {
        using var app = new CouncilApp().WithRemindersOnTestClock();

        var item = await EscalationJourneyTests.EscalatePastDueAsync(app);

        // Days later: the clerk signs in again (the sign-in has expired on the council's clock too).
        var clerk = await app.SignedInAs("clerk");
        var seen = await (await clerk.GetAsync($"{Council}/escalations/esc-{item}")).Expect(HttpStatusCode.OK);
        Assert.True(seen.GetProperty("responseOverdue").GetBoolean());
        Assert.True(seen.GetProperty("overdue").GetBoolean());
        var flagged = seen.GetProperty("timeline").EnumerateArray().Skip(1).ToList();
        Assert.Equal(["EscalationResponseOverdue", "EscalationOverdue", "DepartmentReminded"], flagged.Select(e => e.GetProperty("type").GetString()));
        Assert.All(flagged, e => Assert.Equal("system", e.GetProperty("actor").GetString()));
        Assert.Equal("town-works", flagged[^1].GetProperty("details").GetProperty("departmentId").GetString());
    }

    [Fact]
    public async Task AnEscalationWithoutAReminderIsFlaggedWhenTheSiteStartsPastItsDueDate()
    {
        using var site = new CouncilApp(); // owns the database file; never started itself
        string item;
        using (var first = new CouncilApp().UseDatabaseOf(site).WithRemindersOnTestClock())
        {
            var (resident, clerk) = (await first.SignedInAs("resident"), await first.SignedInAs("clerk"));
            item = await EscalationJourneyTests.SubmitAsync(resident);
            await (await clerk.Post($"{Council}/items/{item}/route", new
            {
                department = "town-works", reason = "属城建办职责", request = "请修复", respondWithinHours = 24,
                dueOn = DateOnly.FromDateTime(first.Clock.GetUtcNow().UtcDateTime).AddDays(3),
            })).Expect(HttpStatusCode.OK);
        }
        await using (var database = new SqliteConnection($"Data Source={site.DatabasePath}"))
        {
            await database.OpenAsync();
            await using var forget = database.CreateCommand();
            forget.CommandText = "DELETE FROM reminders"; // as if written before reminders, or the row lost
            await forget.ExecuteNonQueryAsync();
        }

        using var woken = new DueTimesTests.WokenProbe($"escalation-esc-{item}");
        using var second = new CouncilApp().UseDatabaseOf(site).WithRemindersOnTestClock();
        second.Clock.Advance(TimeSpan.FromDays(5));
        var clerkAgain = await second.SignedInAs("clerk"); // starts the site: the reconciler finds the due date
        await woken.Within(TimeSpan.FromMinutes(1));

        var seen = await (await clerkAgain.GetAsync($"{Council}/escalations/esc-{item}")).Expect(HttpStatusCode.OK);
        Assert.True(seen.GetProperty("overdue").GetBoolean());
    }
}
