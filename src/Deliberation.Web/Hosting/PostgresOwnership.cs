using Deliberation.Runtime.Clustering;
using Npgsql;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Never two clusters on one PostgreSQL database. A process with the default single-node clustering is a cluster of
/// its own: before anything starts it takes an exclusive advisory lock, on a connection of its own held until it stops,
/// and a second process (single-node or clustered) on the same database refuses to start and says why. Cluster nodes
/// (<c>Cluster:Provider</c> = <c>redis</c>) share the lock among themselves, so they only exclude a single-node one.
/// PostgreSQL drops the lock when the connection ends, however the process ends.
/// </summary>
public sealed partial class PostgresOwnership(StorageOptions storage, IConfiguration configuration, ILogger<PostgresOwnership> logger)
    : IHostedLifecycleService, IAsyncDisposable
{
    // Any fixed number: the same in every process sharing the database (advisory locks are per database).
    public const long ClusterLockKey = 0x44454c4943;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _held;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!storage.IsPostgres) return;
        var clustered = (configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings()).IsRedis;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_held is not null) return;
            var connection = await PostgresLocks.OpenOwnConnectionAsync(storage.ConnectionString, cancellationToken);
            await using var take = new NpgsqlCommand(clustered ? "SELECT pg_try_advisory_lock_shared(@key)" : "SELECT pg_try_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", ClusterLockKey);
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await connection.DisposeAsync();
                LogTaken(logger, connection.Database, clustered);
                throw new InvalidOperationException(clustered
                    ? $"A single-node Deliberation process holds this PostgreSQL database ({connection.Database}): " +
                      "stop it, or start every process with Cluster:Provider=redis, so that they form one cluster."
                    : $"Another Deliberation process uses this PostgreSQL database ({connection.Database}). With the default " +
                      "single-node clustering each process is a cluster of its own, and two clusters on one database would each " +
                      "run the same grains. Stop the other one, or run several with Cluster:Provider=redis (docs/operations.md).");
            }
            _held = connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StoppedAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_held is not null) await _held.DisposeAsync();
            _held = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "Another Deliberation cluster uses the PostgreSQL database {Database} (this one clustered: {Clustered}). Not starting.")]
    private static partial void LogTaken(ILogger logger, string database, bool clustered);
}
