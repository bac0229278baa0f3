using Microsoft.Data.Sqlite;

namespace Deliberation.Web.Hosting;

/// <summary>
/// One SQLite database, one Deliberation process: each runs its own silo, and two silos on one file would be two
/// clusters each believing it alone holds the grains. Before any hosted service starts (the silo among them) the app
/// takes an exclusive OS lock on a lock file beside the database, and holds it until it stops; a second process on the
/// same file refuses to start and says why. On PostgreSQL, several processes form one cluster (see PostgresOwnership).
/// </summary>
public sealed partial class SqliteOwnership(StorageOptions storage, ILogger<SqliteOwnership> logger) : IHostedLifecycleService, IDisposable
{
    private readonly Lock _gate = new();
    private FileStream? _lock;

    /// <summary>The lock file for a SQLite connection string, or null when there is no file to guard (in memory).</summary>
    public static string? LockPathFor(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            return null;
        return Path.GetFullPath(builder.DataSource) + ".lock";
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (storage.IsPostgres || LockPathFor(storage.ConnectionString) is not { } lockPath) return Task.CompletedTask;
        var database = lockPath[..^".lock".Length];
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        lock (_gate)
        {
            if (_lock is not null) return Task.CompletedTask;
            try
            {
                // FileShare.None is an exclusive flock(2) on Linux and a share-mode lock on Windows; the OS drops it when
                // the process ends, however it ends, so a crash leaves nothing to clean up.
                _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException taken)
            {
                LogTaken(logger, database, lockPath);
                throw new InvalidOperationException(
                    $"Another Deliberation process has this database open: {database} (it holds {lockPath}). " +
                    "One SQLite database serves one process; stop the other one, or use PostgreSQL for several.", taken);
            }
            // For whoever looks: which process holds it.
            _lock.SetLength(0);
            using var writer = new StreamWriter(_lock, leaveOpen: true);
            writer.Write(Environment.ProcessId);
        }
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _lock?.Dispose();
            _lock = null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "Another Deliberation process has this database open: {Database} (it holds {LockFile}). Not starting.")]
    private static partial void LogTaken(ILogger logger, string database, string lockFile);
}

public static class SqliteOwnershipExtensions
{
    /// <summary>Takes the SQLite database for this process alone before anything starts (see <see cref="SqliteOwnership"/>).</summary>
    public static IServiceCollection AddSqliteOwnership(this IServiceCollection services)
    {
        services.AddHostedService<SqliteOwnership>();
        // The same on PostgreSQL for a single-node process (several clustered ones share the database).
        services.AddHostedService<PostgresOwnership>();
        return services;
    }
}
