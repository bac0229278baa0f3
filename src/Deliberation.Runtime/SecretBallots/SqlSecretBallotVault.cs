using System.Data.Common;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.SecretBallots;

/// <summary>The vault over the event log's database (SQLite or PostgreSQL), in tables beside the log's.</summary>
public sealed class SqlSecretBallotVault : ISecretBallotVault, IAsyncDisposable
{
    private readonly SqlDialect _dialect;

    public SqlSecretBallotVault(EventLogOptions storage) => _dialect = EventLogFactory.CreateDialect(storage);

    public async Task<string> KeepKeyAsync(string ballotId, string protectedKey, CancellationToken ct = default)
    {
        await ExecuteAsync("INSERT INTO secret_ballot_keys (ballot_id, protected_key) VALUES (@ballot, @key) ON CONFLICT (ballot_id) DO NOTHING",
            ct, ("@ballot", ballotId), ("@key", protectedKey)).ConfigureAwait(false);
        return await ReadKeyAsync(ballotId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The key of ballot '{ballotId}' was destroyed while it was being kept.");
    }

    public async Task<string?> ReadKeyAsync(string ballotId, CancellationToken ct = default) =>
        (await QueryAsync("SELECT protected_key FROM secret_ballot_keys WHERE ballot_id = @ballot", ct, ("@ballot", ballotId)).ConfigureAwait(false))
            .FirstOrDefault();

    public Task SealAsync(string ballotId, string slot, string sealedChoice, CancellationToken ct = default) =>
        ExecuteAsync("INSERT INTO secret_ballot_seals (ballot_id, slot, sealed) VALUES (@ballot, @slot, @sealed)",
            ct, ("@ballot", ballotId), ("@slot", slot), ("@sealed", sealedChoice));

    public Task<IReadOnlyList<string>> ReadSealsAsync(string ballotId, CancellationToken ct = default) =>
        QueryAsync("SELECT sealed FROM secret_ballot_seals WHERE ballot_id = @ballot ORDER BY slot", ct, ("@ballot", ballotId));

    public Task<IReadOnlyList<string>> BallotsWithKeysAsync(CancellationToken ct = default) =>
        QueryAsync("SELECT ballot_id FROM secret_ballot_keys ORDER BY ballot_id", ct);

    public async Task DestroyAsync(string ballotId, CancellationToken ct = default)
    {
        await _dialect.EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using (var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false))
        {
            if (_dialect.SecureDeleteStatement is { } secure) await RunAsync(connection, null, secure, ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await RunAsync(connection, transaction, "DELETE FROM secret_ballot_seals WHERE ballot_id = @ballot", ct, ("@ballot", ballotId)).ConfigureAwait(false);
            await RunAsync(connection, transaction, "DELETE FROM secret_ballot_keys WHERE ballot_id = @ballot", ct, ("@ballot", ballotId)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        if (_dialect.AfterSecureDeleteStatement is { } after)
        {
            await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
            await RunAsync(connection, null, after, ct).ConfigureAwait(false);
        }
    }

    public async Task<CouncilSigningKeyRow> KeepSigningKeyAsync(CouncilSigningKeyRow candidate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await ExecuteAsync("INSERT INTO council_signing_keys (council_id, public_key, protected_private_key) VALUES (@council, @public, @private) " +
            "ON CONFLICT (council_id) DO NOTHING", ct, ("@council", candidate.CouncilId), ("@public", candidate.PublicKey),
            ("@private", candidate.ProtectedPrivateKey)).ConfigureAwait(false);
        await _dialect.EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null,
            "SELECT public_key, protected_private_key FROM council_signing_keys WHERE council_id = @council", ("@council", candidate.CouncilId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false)) throw new InvalidOperationException($"No signing key was kept for '{candidate.CouncilId}'.");
        return new CouncilSigningKeyRow(candidate.CouncilId, reader.GetString(0), reader.GetString(1));
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await _dialect.EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await RunAsync(connection, null, sql, ct, parameters).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> QueryAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await _dialect.EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) rows.Add(reader.GetString(0));
        return rows;
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = SqlEventLog.Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dialect is IAsyncDisposable disposable) await disposable.DisposeAsync().ConfigureAwait(false);
    }
}
