using Deliberation.Runtime.EventLog;

namespace Deliberation.Web.Hosting;

/// <summary>Where everything is kept: one database holds the event log and the accounts.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (the default, a file under ./data) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    public string ConnectionString { get; set; } = "Data Source=data/deliberation.db";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same database for the log's neighbours (Orleans' reminders table).</summary>
    public EventLogOptions ForEventLog() => new() { Provider = IsPostgres ? "postgres" : "sqlite", ConnectionString = ConnectionString };

    public bool TryValidate(out string? problem)
    {
        problem = !IsPostgres && !string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase)
            ? $"Storage:Provider must be 'sqlite' or 'postgres', not '{Provider}'."
            : string.IsNullOrWhiteSpace(ConnectionString) ? "Storage:ConnectionString is empty." : null;
        return problem is null;
    }
}
