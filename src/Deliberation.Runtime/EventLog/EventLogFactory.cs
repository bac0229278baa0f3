using Microsoft.Extensions.Logging;

namespace Deliberation.Runtime.EventLog;

/// <summary>Where the event log lives.</summary>
public sealed class EventLogOptions
{
    /// <summary>"sqlite" (default) or "postgres" (also accepted: "postgresql", "npgsql").</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite: <c>Data Source=path</c> (the directory is created). PostgreSQL: an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";
}

public static class EventLogFactory
{
    /// <summary>
    /// Creates an event log. The result is <see cref="IAsyncDisposable"/> (and <see cref="IDisposable"/>): disposing it
    /// drains the writer, so every append already queued is committed or failed before it returns.
    /// The schema is created on first use.
    /// </summary>
    public static IEventLog Create(EventLogOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException("EventLogOptions.ConnectionString is required.", nameof(options));
        return new SqlEventLog(CreateDialect(options), loggerFactory?.CreateLogger("Deliberation.Runtime.EventLog"));
    }

    /// <summary>The SQL dialect for a database; shared by the event log and the reminder table.</summary>
    internal static SqlDialect CreateDialect(EventLogOptions options) =>
        (options.Provider ?? "").Trim().ToLowerInvariant() switch
        {
            "sqlite" => new SqliteDialect(options.ConnectionString),
            "postgres" or "postgresql" or "npgsql" => new PostgresDialect(options.ConnectionString),
            var other => throw new ArgumentException($"Unknown event log provider '{other}' (use \"sqlite\" or \"postgres\").", nameof(options)),
        };
}
