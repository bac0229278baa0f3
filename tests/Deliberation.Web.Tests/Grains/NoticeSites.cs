using System.Data.Common;
using Deliberation.Web.Tests.AgendaItems;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Deliberation.Web.Tests.Grains;

/// <summary>
/// What the tests of things reconciled at start share: a site started again and again on one database (a SQLite file,
/// or a PostgreSQL database), that database read directly, and an item a first start left in its notice period.
/// </summary>
internal static class NoticeSites
{
    /// <summary>Runs <paramref name="test"/> with new sites on one SQLite file, and that file.</summary>
    public static async Task OnSqliteAsync(Func<Func<CouncilApp>, Func<DbConnection>, Task> test)
    {
        using var site = new CouncilApp(); // owns the database file; never started itself
        await test(() => new CouncilApp().UseDatabaseOf(site), () => new SqliteConnection($"Data Source={site.DatabasePath}"));
    }

    /// <summary>Runs <paramref name="test"/> with new sites on one PostgreSQL database, and that database.</summary>
    public static async Task OnPostgresAsync(Func<Func<CouncilApp>, Func<DbConnection>, Task> test)
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await test(() => new CouncilApp().UsePostgres(database.ConnectionString), () => new NpgsqlConnection(database.ConnectionString));
    }

    /// <summary>A first start of the site resolves an item and discloses it, then stops: the item's path and its stream.</summary>
    public static async Task<(string Item, string Stream)> ItemInItsNoticePeriodAsync(Func<CouncilApp> site)
    {
        using var first = site().WithRemindersOnTestClock();
        var item = await NoticePeriodTests.ResolvedItemAsync(first);
        await NoticePeriodTests.DiscloseAsync(first, item);
        return (item, $"agenda-item-{item[(NoticePeriodTests.Items.Length + 1)..]}");
    }
}
