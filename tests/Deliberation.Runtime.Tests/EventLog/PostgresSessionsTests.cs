using Deliberation.Runtime.EventLog;
using Npgsql;

namespace Deliberation.Runtime.Tests.EventLog;

/// <summary>Every PostgreSQL session of the app: bounded pools, so that several nodes stay within the server's limit.</summary>
public sealed class PostgresSessionsTests
{
    [Fact]
    public void CapsThePoolWhenTheConnectionStringNamesNone()
    {
        var prepared = new NpgsqlConnectionStringBuilder(PostgresSessions.Prepare("Host=db;Database=council"));

        Assert.Equal(PostgresSessions.DefaultMaxPoolSize, prepared.MaxPoolSize);
        Assert.Contains("synchronous_commit=on", prepared.Options);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=64")]
    [InlineData("Host=db;maximum pool size=64")]
    [InlineData("Host=db;MaxPoolSize=64")]
    public void KeepsTheOperatorsPoolSize(string connectionString)
    {
        var prepared = new NpgsqlConnectionStringBuilder(PostgresSessions.Prepare(connectionString));

        Assert.Equal(64, prepared.MaxPoolSize);
    }

    [Fact]
    public void SetsSynchronousCommitAfterTheOperatorsOptions()
    {
        var prepared = new NpgsqlConnectionStringBuilder(PostgresSessions.Prepare("Host=db;Options=-c search_path=council"));

        Assert.Equal("-c search_path=council -c synchronous_commit=on", prepared.Options);
    }
}
