using System.Data.Common;
using Npgsql;

namespace Deliberation.Runtime.EventLog;

/// <summary>
/// How every PostgreSQL connection of the app is opened, the log's and the accounts' (EF Core) alike.
/// </summary>
public static class PostgresSessions
{
    /// <summary>
    /// Connections per pool unless the connection string names its own Maximum Pool Size. A node has two pools (the
    /// log, the accounts); Npgsql's own cap is 100 each, PostgreSQL's default server limit 100 in all, so two nodes in a
    /// burst were refused ("too many clients") before their pools filled. Appends are group-committed: a few
    /// connections carry the load, and a request beyond the cap waits for one instead of failing.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>The connection string as the app opens it: the operator's options, then ours.</summary>
    public static string Prepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // An append is acknowledged only once it is on disk: a database or role whose default is synchronous_commit=off
        // would acknowledge what a crash can lose, so every session of ours sets it, after any options of the operator's.
        builder.Options = $"{builder.Options} -c synchronous_commit=on".Trim();
        if (!NamesPoolSize(connectionString)) builder.MaxPoolSize = DefaultMaxPoolSize;
        return builder.ConnectionString;
    }

    private static bool NamesPoolSize(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .Any(key => key.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase) || key.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
}
