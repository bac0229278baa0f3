namespace Deliberation.Web.Tests.Hosting;

/// <summary>A test that needs PostgreSQL: reported as skipped, never as passed, when scripts/test.sh was told to skip it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "DELIBERATION_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} is not set (scripts/test.sh sets it unless DELIBERATION_SKIP_POSTGRES=1).";
    }
}

/// <summary>A fresh, empty PostgreSQL database for one test, dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name = "web_" + Guid.NewGuid().ToString("n");

    private PostgresDatabase(string admin) => _admin = admin;

    public string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!);
        await database.ExecuteAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
