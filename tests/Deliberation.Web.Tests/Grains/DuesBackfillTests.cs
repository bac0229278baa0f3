using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.AgendaItems;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

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
    public async Task EndsANoticeWrittenBeforeTheDuesTableWhenTheSiteStartsPastItsDueTime()
    {
        using var site = new CouncilApp(); // owns the database file; never started itself
        await EndsWithoutADueRowAsync(() => new CouncilApp().UseDatabaseOf(site),
            () => new SqliteConnection($"Data Source={site.DatabasePath}"));
    }

    [PostgresFact]
    public async Task EndsANoticeWrittenBeforeTheDuesTableWhenTheSiteStartsPastItsDueTimeOnPostgreSql()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await EndsWithoutADueRowAsync(() => new CouncilApp().UsePostgres(database.ConnectionString),
            () => new NpgsqlConnection(database.ConnectionString));
    }

    private static async Task EndsWithoutADueRowAsync(Func<CouncilApp> site, Func<DbConnection> database)
    {
        string item;
        using (var first = site().WithRemindersOnTestClock())
        {
            item = await NoticePeriodTests.ResolvedItemAsync(first);
            await NoticePeriodTests.DiscloseAsync(first, item);
        }
        var stream = $"agenda-item-{item[(NoticePeriodTests.Items.Length + 1)..]}";
        Assert.Equal(1, await ExecuteAsync(database, "SELECT COUNT(*) FROM upgrades"));
        // As the database was before the dues table: no due rows, no reminders, and nothing says it was ever filled.
        await ExecuteAsync(database, "DELETE FROM dues");
        await ExecuteAsync(database, "DELETE FROM reminders");
        await ExecuteAsync(database, "DELETE FROM upgrades");

        using var filled = new BackfillProbe(stream);
        using var second = site().WithRemindersOnTestClock();
        second.Clock.Advance(NoticePeriodTests.PastTheNotice);
        var visitor = second.Visitor(); // starts the site: the reconciler's first pass fills the dues table

        await filled.Within(TimeSpan.FromMinutes(1));
        var seen = await (await visitor.GetAsync(item)).Expect(HttpStatusCode.OK);
        Assert.Equal("implementation", seen.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.Contains(NoticePeriodTests.Timeline(seen), e => e.GetProperty("type").GetString() == "NoticePeriodEnded" && e.GetProperty("actor").GetString() == "system");
        Assert.Equal(0, await ExecuteAsync(database, $"SELECT COUNT(*) FROM dues WHERE stream_id = '{stream}'"));
        Assert.Equal(1, await ExecuteAsync(database, $"SELECT COUNT(*) FROM dues WHERE stream_id = '{HeldByAnObjection}'"));
        Assert.Equal(1, await ExecuteAsync(database, "SELECT COUNT(*) FROM upgrades"));
    }

    private static async Task<long> ExecuteAsync(Func<DbConnection> database, string sql)
    {
        await using var connection = database();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return sql.StartsWith("SELECT", StringComparison.Ordinal) ? Convert.ToInt64(await command.ExecuteScalarAsync()) : await command.ExecuteNonQueryAsync();
    }

    /// <summary>Signals when a fill of the dues table has ended, having acted on the stream (a "woken" event naming it).</summary>
    private sealed class BackfillProbe : IDisposable
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ActivityListener _listener;

        public BackfillProbe(string stream)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == EventLogTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (activity.OperationName == DueTimesGrain.BackfillActivityName && activity.Events.Any(e =>
                            e.Name == DueTimesGrain.WokenEvent && e.Tags.Any(t => t.Key == "stream" && (string?)t.Value == stream)))
                        _done.TrySetResult();
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public async Task Within(TimeSpan timeout)
        {
            try
            {
                await _done.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No fill of the dues table acted on the stream within {timeout}.");
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
