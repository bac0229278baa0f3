using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Deliberation.Web.Tests.AgendaItems;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Grains;

/// <summary>
/// Things that happen on their own, reconciled at start: an item in notice whose reminder row is gone (its notice began
/// before reminders existed, or its state was written without its grain) is found through the log's due times and
/// moved on, without a command, within a minute of the site starting past its due time.
/// </summary>
public sealed class DueTimesTests
{
    [Fact]
    public Task EndsANoticeThatHasNoReminderWhenTheSiteStartsPastItsDueTime() => NoticeSites.OnSqliteAsync(EndsWithoutAReminderAsync);

    [PostgresFact]
    public Task EndsANoticeThatHasNoReminderWhenTheSiteStartsPastItsDueTimeOnPostgreSql() => NoticeSites.OnPostgresAsync(EndsWithoutAReminderAsync);

    private static async Task EndsWithoutAReminderAsync(Func<CouncilApp> site, Func<DbConnection> database)
    {
        var (item, stream) = await NoticeSites.ItemInItsNoticePeriodAsync(site);
        Assert.Equal(1, await ExecuteAsync(database, $"SELECT COUNT(*) FROM dues WHERE stream_id = '{stream}'"));
        Assert.NotEqual(0, await ExecuteAsync(database, "SELECT COUNT(*) FROM reminders"));
        await ExecuteAsync(database, "DELETE FROM reminders");

        using var woken = new WokenProbe(stream);
        using var second = site().WithRemindersOnTestClock();
        second.Clock.Advance(NoticePeriodTests.PastTheNotice);
        var visitor = second.Visitor(); // starts the site: no reminder loads for the item, the reconciler finds its due time

        await woken.Within(TimeSpan.FromMinutes(1));
        var seen = await (await visitor.GetAsync(item)).Expect(HttpStatusCode.OK);
        Assert.Equal("implementation", seen.GetProperty("currentStep").GetProperty("id").GetString());
        Assert.Contains(NoticePeriodTests.Timeline(seen), e => e.GetProperty("type").GetString() == "NoticePeriodEnded" && e.GetProperty("actor").GetString() == "system");
        Assert.Equal(0, await ExecuteAsync(database, $"SELECT COUNT(*) FROM dues WHERE stream_id = '{stream}'"));
    }

    internal static async Task<long> ExecuteAsync(Func<DbConnection> database, string sql)
    {
        await using var connection = database();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return sql.StartsWith("SELECT", StringComparison.Ordinal) ? Convert.ToInt64(await command.ExecuteScalarAsync()) : await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Signals when a reconciler pass (or, with <see cref="DueTimesGrain.BackfillActivityName"/>, a fill of the dues
    /// table) has woken the stream: its span, with a "woken" event naming it, ended.
    /// </summary>
    internal sealed class WokenProbe : IDisposable
    {
        private readonly TaskCompletionSource _woken = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ActivityListener _listener;
        private readonly string _pass;

        public WokenProbe(string stream, string pass = DueTimesGrain.ActivityName)
        {
            _pass = pass;
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == EventLogTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (activity.OperationName == pass && activity.Events.Any(e =>
                            e.Name == DueTimesGrain.WokenEvent && e.Tags.Any(t => t.Key == "stream" && (string?)t.Value == stream)))
                        _woken.TrySetResult();
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public async Task Within(TimeSpan timeout)
        {
            try
            {
                await _woken.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No {_pass} pass woke the stream within {timeout}.");
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
