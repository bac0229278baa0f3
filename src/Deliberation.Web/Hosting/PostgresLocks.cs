using Npgsql;

namespace Deliberation.Web.Hosting;

/// <summary>Advisory locks across the processes on one PostgreSQL database, each on a connection of its own.</summary>
public static class PostgresLocks
{
    // Any fixed number: the same in every process sharing the database.
    public const long SeedLockKey = 0x44454c4953;

    /// <summary>
    /// Runs <paramref name="work"/> while holding the seed lock: processes started at once seed one after the other, so
    /// the second finds the templates and the demo council written and leaves them be.
    /// </summary>
    public static async Task WhileSeedingAsync(string connectionString, Func<Task> work, CancellationToken ct)
    {
        await using var connection = await OpenOwnConnectionAsync(connectionString, ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 })
        {
            take.Parameters.AddWithValue("key", SeedLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }
        await work(); // the lock goes with the connection
    }

    /// <summary>
    /// A connection outside the pool: a pooled one would go back to the pool on close still holding its session's
    /// locks. Creates the database first when it does not exist yet (as the schema step would, a moment later).
    /// </summary>
    public static async Task<NpgsqlConnection> OpenOwnConnectionAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
        }
        await CreateDatabaseAsync(builder, ct);
        connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task CreateDatabaseAsync(NpgsqlConnectionStringBuilder target, CancellationToken ct)
    {
        var server = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException raced) when (raced.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
    }
}
