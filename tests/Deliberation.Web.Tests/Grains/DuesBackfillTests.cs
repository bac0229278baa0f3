using System.Data.Common;
using System.Net;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.AgendaItems;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Grains;

/// <summary>
/// A database written before the log's <c>dues</c> table: its items in notice have neither a due row nor a reminder, so
/// nothing would wake them. The first start fills the table once (asking each such stream's grain), and an item past
/// its due time moves on then, without a command; an item held by an objection gets its row back.
/// </summary>
public sealed class DuesBackfillTests
{
    private const string HeldByAnObjection = "agenda-item-item-demo-kiosks";

    [Fact]
    public Task EndsANoticeWrittenBeforeTheDuesTableWhenTheSiteStartsPastItsDueTime() => NoticeSites.OnSqliteAsync(EndsWithoutADueRowAsync);

    [PostgresFact]
    public Task EndsANoticeWrittenBeforeTheDuesTableWhenTheSiteStartsPastItsDueTimeOnPostgreSql() => NoticeSites.OnPostgresAsync(EndsWithoutADueRowAsync);

    private static async Task EndsWithoutADueRowAsync(Func<CouncilApp> site, Func<DbConnection> database)
    {
        var (item, stream) = await NoticeSites.ItemInItsNoticePeriodAsync(site);
        Assert.Equal(1, await DueTimesTests.ExecuteAsync(database, "SELECT COUNT(*) FROM upgrades"));
        // As the database was before the dues table: no due rows, no reminders, and nothing says it was ever filled.
        await DueTimesTests.ExecuteAsync(database, "DELETE FROM dues");
        await DueTimesTests.ExecuteAsync(database, "DELETE FROM reminders");
        await DueTimesTests.ExecuteAsync(database, "DELETE FROM upgrades");

        using var filled = new DueTimesTests.WokenProbe(stream, DueTimesGrain.BackfillActivityName);
        using var second = site().WithRemindersOnTestClock();
        second.Clock.Advance(NoticePeriodTests.PastTheNotice);
        var visitor = second.Visitor(); // starts the site: the reconciler's first pass fills the dues table

        await filled.Within(TimeSpan.FromMinutes(1));
        var seen = await (await visitor.GetAsync(item)).Expect(HttpStatusCode.OK);
        Assert.Equal("implementation", seen.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.Contains(NoticePeriodTests.Timeline(seen), e => e.GetProperty("type").GetString() == "NoticePeriodEnded" && e.GetProperty("actor").GetString() == "system");
        Assert.Equal(0, await DueTimesTests.ExecuteAsync(database, $"SELECT COUNT(*) FROM dues WHERE stream_id = '{stream}'"));
        Assert.Equal(1, await DueTimesTests.ExecuteAsync(database, $"SELECT COUNT(*) FROM dues WHERE stream_id = '{HeldByAnObjection}'"));
        Assert.Equal(1, await DueTimesTests.ExecuteAsync(database, "SELECT COUNT(*) FROM upgrades"));
    }
}
