using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Tests.Storage;
using Npgsql;

namespace Deliberation.Runtime.Tests.EventLog;

/// <summary>An acknowledged append is on disk: the log's sessions commit synchronously whatever the database's default.</summary>
public sealed class DurableCommitTests
{
    [PostgresFact]
    public async Task CommitsSynchronouslyOnPostgreSqlEvenWhereTheDatabaseDefaultsToAsynchronousCommit()
    {
        await using var storage = await TestStorage.CreateAsync("postgres");
        var database = new NpgsqlConnectionStringBuilder(storage.ConnectionString).Database;
        await storage.ExecuteAsync($"ALTER DATABASE {database} SET synchronous_commit = off");

        // A new session (not the pooled one that ran the ALTER) takes the database's new default.
        var plain = await SettingAsync(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false }.ConnectionString));
        var dialect = EventLogFactory.CreateDialect(storage.Options);
        var ours = await SettingAsync(await dialect.OpenAsync(CancellationToken.None));
        if (dialect is IAsyncDisposable disposable) await disposable.DisposeAsync();

        Assert.Equal("off", plain); // the default the log's sessions must not inherit
        Assert.Equal("on", ours);
    }

    [Fact]
    public async Task EverySqliteConnectionCommitsSynchronouslyAndWaitsForTheLockThoughTheyAreSetOncePerPooledConnection()
    {
        await using var storage = await TestStorage.CreateAsync("sqlite");
        var dialect = EventLogFactory.CreateDialect(storage.Options);

        // Opened and closed in turn (the pool hands the same connection back) and side by side (the pool opens more).
        var inTurn = new List<(long, long, string)>();
        for (var i = 0; i < 3; i++) inTurn.Add(await SqliteSettingsAsync(await dialect.OpenAsync(CancellationToken.None)));
        var connections = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => dialect.OpenAsync(CancellationToken.None).AsTask()));
        var sideBySide = await Task.WhenAll(connections.Select(SqliteSettingsAsync));

        Assert.All(inTurn.Concat(sideBySide), settings => Assert.Equal((2L, 5000L, "wal"), settings)); // 2: FULL
    }

    private static async Task<(long Synchronous, long BusyTimeout, string JournalMode)> SqliteSettingsAsync(System.Data.Common.DbConnection connection)
    {
        await using (connection)
        {
            async Task<object?> Pragma(string name)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {name}";
                return await command.ExecuteScalarAsync();
            }
            return ((long)(await Pragma("synchronous"))!, (long)(await Pragma("busy_timeout"))!, (string)(await Pragma("journal_mode"))!);
        }
    }

    private static async Task<string?> SettingAsync(System.Data.Common.DbConnection connection)
    {
        await using (connection)
        {
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SHOW synchronous_commit";
            return (string?)await command.ExecuteScalarAsync();
        }
    }
}
