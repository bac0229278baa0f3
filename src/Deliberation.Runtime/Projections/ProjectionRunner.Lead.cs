using System.Data.Common;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>
    /// Makes this node the one that keeps the projections current in the background, or returns null when another
    /// node is. PostgreSQL: a session advisory lock on a connection held open, released by the database when the node
    /// dies. SQLite: one process owns the database, so it always leads.
    /// </summary>
    public async Task<ProjectionLead?> TryLeadAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        if (_dialect.LeaderLockStatement is not { } leaderLock) return new ProjectionLead(null, null);
        var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        try
        {
            await using var command = SqlEventLog.Command(connection, null, leaderLock);
            if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is true)
                return new ProjectionLead(connection, _dialect.LeaderUnlockStatement);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }
}

/// <summary>This node's leadership of the projections, held until disposed or until its connection is lost.</summary>
public sealed class ProjectionLead : IAsyncDisposable
{
    private readonly DbConnection? _connection;
    private readonly string? _unlock;

    internal ProjectionLead(DbConnection? connection, string? unlock) => (_connection, _unlock) = (connection, unlock);

    /// <summary>Whether the lock is still held: its connection still answers.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken ct)
    {
        if (_connection is null) return true;
        try
        {
            await using var command = SqlEventLog.Command(_connection, null, "SELECT 1");
            await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            if (_unlock is not null)
            {
                await using var command = SqlEventLog.Command(_connection, null, _unlock);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
        }
        catch (DbException)
        {
            // The connection is gone, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
