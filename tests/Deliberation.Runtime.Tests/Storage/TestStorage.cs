using System.Data.Common;
using Deliberation.Runtime.EventLog;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Deliberation.Runtime.Tests.Storage;

/// <summary>A fresh, empty database of one kind for one test: a temp SQLite file, or a new PostgreSQL database.</summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string PostgresVariable = "DELIBERATION_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestStorage(string kind, string connectionString, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Kind { get; }
    public string ConnectionString { get; }
    public EventLogOptions Options => new() { Provider = Kind, ConnectionString = ConnectionString };

    /// <summary>The kinds to run on: SQLite always; PostgreSQL when scripts/test.sh started one.</summary>
    public static IEnumerable<object[]> Kinds()
    {
        yield return ["sqlite"];
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable))) yield return ["postgres"];
    }

    public static async Task<TestStorage> CreateAsync(string kind)
    {
        if (kind == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "deliberation-runtime-tests", Guid.NewGuid().ToString("n"));
            return new TestStorage(kind, $"Data Source={Path.Combine(folder, "log.db")}", folder, null, null);
        }
        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = "rt_" + Guid.NewGuid().ToString("n");
        await ExecuteAsync(new NpgsqlConnection(admin), $"CREATE DATABASE {name}");
        return new TestStorage(kind, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, null, admin, name);
    }

    public IEventLog NewLog() => EventLogFactory.Create(Options);

    /// <summary>Runs raw SQL against the database, as an intruder (or a careless operator) would.</summary>
    public Task<int> ExecuteAsync(string sql) => ExecuteAsync(Connection(), sql);

    /// <summary>Reads one number (a count) with raw SQL.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private DbConnection Connection() => Kind == "sqlite" ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, recursive: true); } catch (IOException) { }
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(new NpgsqlConnection(_postgresAdmin), $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }
}

/// <summary>Reported as skipped (never as passed) when no PostgreSQL was started, so a run says what it did not test.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestStorage.PostgresVariable)))
            Skip = $"{TestStorage.PostgresVariable} is not set: the PostgreSQL cases of every storage test did not run.";
    }
}
