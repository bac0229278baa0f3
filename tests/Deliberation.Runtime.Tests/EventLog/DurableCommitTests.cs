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
