using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Deliberation.Runtime.EventLog;

/// <summary>The few differences between SQLite and PostgreSQL; everything else is shared SQL.</summary>
internal abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>Statements creating the tables and their indexes, idempotently.</summary>
    public string[] SchemaStatements =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS events (
            global_position {IdentityColumn},
            stream_id TEXT NOT NULL,
            sequence BIGINT NOT NULL,
            event_type TEXT NOT NULL,
            actor TEXT NOT NULL,
            occurred_at {TimeType} NOT NULL,
            payload TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            CONSTRAINT ux_events_stream_sequence UNIQUE (stream_id, sequence)
        )
        """,
        $"""
        CREATE TABLE IF NOT EXISTS streams (
            stream_id TEXT NOT NULL PRIMARY KEY,
            category TEXT NOT NULL,
            scope TEXT NOT NULL,
            version BIGINT NOT NULL,
            summary TEXT NOT NULL,
            updated_at {TimeType} NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_streams_category_scope ON streams (category, scope)",
        // Orleans' reminders (Reminders/SqlReminderTable): the due dates that must survive a restart.
        $"""
        CREATE TABLE IF NOT EXISTS reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash BIGINT NOT NULL,
            start_at {TimeType} NOT NULL,
            period_ticks BIGINT NOT NULL,
            etag TEXT NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_reminders_service_hash ON reminders (service_id, grain_hash)",
        // Streams whose aggregate falls due (StreamSummary.DueAt), kept with each append, so that what must happen on its
        // own is found at start by an indexed read, not a scan of every stream.
        $"""
        CREATE TABLE IF NOT EXISTS dues (
            stream_id TEXT NOT NULL PRIMARY KEY,
            category TEXT NOT NULL,
            due_at {TimeType} NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_dues_due_at ON dues (due_at, stream_id)",
        // One-time upgrades done on this database, by name. A log still empty when this code first opens it needs no fill
        // of `dues` (every due time will be written with its events), so it is marked done from the start; a log written
        // before `dues` existed is filled once by the reconciler (IDuesBackfill), which then marks it.
        "CREATE TABLE IF NOT EXISTS upgrades (name TEXT NOT NULL PRIMARY KEY)",
        $"INSERT INTO upgrades (name) SELECT '{SqlEventLog.DuesBackfilled}' WHERE NOT EXISTS (SELECT 1 FROM events) ON CONFLICT (name) DO NOTHING",
        // The read side (Projections/): how far each projection has applied the log, by global position.
        $"""
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            name TEXT NOT NULL PRIMARY KEY,
            position BIGINT NOT NULL,
            updated_at {TimeType} NOT NULL
        )
        """,
        // Secret ballots (SecretBallots/SqlSecretBallotVault): while a ballot is open, its key (protected by the app's
        // key ring) and its sealed choices; both are deleted at closing. No time, no actor, no sequence: a seal's slot
        // is random, and SQLite keeps the rows in slot order (WITHOUT ROWID), not in the order they came.
        "CREATE TABLE IF NOT EXISTS secret_ballot_keys (ballot_id TEXT NOT NULL PRIMARY KEY, protected_key TEXT NOT NULL)",
        $"CREATE TABLE IF NOT EXISTS secret_ballot_seals (ballot_id TEXT NOT NULL, slot TEXT NOT NULL, sealed TEXT NOT NULL, PRIMARY KEY (ballot_id, slot)){WithoutRowId}",
        // Each council's signing key for the lists of its secret ballots: the public key, and the private key protected by the key ring.
        "CREATE TABLE IF NOT EXISTS council_signing_keys (council_id TEXT NOT NULL PRIMARY KEY, public_key TEXT NOT NULL, protected_private_key TEXT NOT NULL)",
        // Photos (Photos/SqlPhotoStore): re-encoded bytes, keyed by their own SHA-256; events name them by that id.
        $"""
        CREATE TABLE IF NOT EXISTS photos (
            photo_id TEXT NOT NULL PRIMARY KEY,
            content_type TEXT NOT NULL,
            width BIGINT NOT NULL,
            height BIGINT NOT NULL,
            bytes {BytesType} NOT NULL,
            stored_at {TimeType} NOT NULL
        )
        """,
    ];

    /// <summary>Keeps a table's rows in key order with no row number of its own (SQLite); nothing on PostgreSQL.</summary>
    protected virtual string WithoutRowId => "";

    /// <summary>
    /// Statements that make deleted rows unreadable in the database's files once their transaction commits, where the
    /// database can (SQLite: overwrite deleted content; the WAL is truncated after). None on PostgreSQL (see docs).
    /// </summary>
    public virtual string? SecureDeleteStatement => null;

    /// <summary>Run after a secure delete has committed, outside any transaction.</summary>
    public virtual string? AfterSecureDeleteStatement => null;

    protected abstract string IdentityColumn { get; }
    protected abstract string TimeType { get; }
    protected abstract string BytesType { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>
    /// This process's turn to write, taken before a hot write transaction begins and given back when it ends (see
    /// <see cref="WriterTurn"/>). None on PostgreSQL, whose locks wake a waiter as soon as they are released.
    /// </summary>
    public virtual Task<IDisposable> WriterTurnAsync(CancellationToken ct) => Task.FromResult(WriterTurn.None);

    /// <summary>Runs before the schema statements, inside their transaction (PostgreSQL: an advisory lock).</summary>
    public virtual string? SchemaLockStatement => null;

    // Once per dialect instance (each log or table has its own); a SemaphoreSlim that never hands out its wait handle
    // holds nothing to dispose.
    private readonly SemaphoreSlim _schemaOnce = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates every table that is missing (idempotent), once, in one transaction under the schema lock, so
    /// that whichever part of the app starts first (the event log or the reminder table) creates everything.</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (_schemaReady) return;
        await _schemaOnce.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_schemaReady) return;
            await CreateSchemaAsync(ct).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaOnce.Release();
        }
    }

    private async Task CreateSchemaAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        IEnumerable<string> statements = SchemaLockStatement is { } lockStatement ? [lockStatement, .. SchemaStatements] : SchemaStatements;
        foreach (var statement in statements)
        {
            await using var command = SqlEventLog.Command(connection, transaction, statement);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Locks the rows a query reads until commit (PostgreSQL). SQLite needs none: Microsoft.Data.Sqlite begins
    /// transactions IMMEDIATE, so the writer holds the database write lock from its first read.</summary>
    public virtual string? RowLockClause => null;

    /// <summary>
    /// Taken in each write transaction just before its events are inserted and held until it commits, so that global
    /// positions become visible in the order they were given: a projection reading up to a visible position then never
    /// skips one still in flight. PostgreSQL needs it across nodes (a sequence hands out values to concurrent
    /// transactions that may commit in another order); SQLite has one writer per database, which already does this.
    /// </summary>
    public virtual string? PositionLockStatement => null;

    /// <summary>Tries to become the one node that runs the projections (PostgreSQL: a session advisory lock); null
    /// when one process owns the database anyway (SQLite).</summary>
    public virtual string? LeaderLockStatement => null;

    /// <summary>Gives the leadership up (before the connection goes back to the pool).</summary>
    public virtual string? LeaderUnlockStatement => null;

    /// <summary>Rows per multi-row statement. PostgreSQL allows 65,535 values per statement (8 per event row).</summary>
    public virtual int RowsPerStatement => 500;

    public abstract object TimeValue(DateTimeOffset time);
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);
    public abstract bool IsUniqueViolation(Exception exception);
}

internal sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;

    public SqliteDialect(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ArgumentException("The SQLite connection string needs a Data Source.", nameof(connectionString));
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }
        builder.Pooling = true;
        _connectionString = builder.ToString();
    }

    public override string Name => "sqlite";
    protected override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";
    protected override string TimeType => "TEXT";
    protected override string WithoutRowId => " WITHOUT ROWID";
    public override string SecureDeleteStatement => "PRAGMA secure_delete = ON";
    public override string AfterSecureDeleteStatement => "PRAGMA wal_checkpoint(TRUNCATE)";
    protected override string BytesType => "BLOB";

    // Measured: 500-row statements made SQLite flushes several times slower than per-row ones (binding cost grows
    // faster than the values in a statement); 8-row ones were as fast as any. In-process, statements cost no round trip.
    public override int RowsPerStatement => 8;

    public override Task<IDisposable> WriterTurnAsync(CancellationToken ct) => WriterTurn.TakeAsync(_connectionString, ct);

    /// <summary>Native connections whose settings are made (weakly held: the pool decides how long they live).</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> SetUp = new();

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // Settings last as long as the native connection, which the pool keeps open: set once each, not per open
            // (a flush per vote opened one, and the statements were a fifth of what it allocated).
            if (connection.Handle is { } handle && !SetUp.TryGetValue(handle, out _))
            {
                await using var pragma = connection.CreateCommand();
                // busy_timeout first: switching to WAL may itself wait for another process.
                pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
                await pragma.ExecuteNonQueryAsync(ct);
                SetUp.AddOrUpdate(handle, SetUp);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override object TimeValue(DateTimeOffset time) => EventHasher.FormatTime(time);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 } sqlite
        && sqlite.SqliteExtendedErrorCode is 2067 or 1555 or 19;
}

internal sealed class PostgresDialect : SqlDialect, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(PostgresSessions.Prepare(connectionString));
    }

    public override string Name => "postgres";
    protected override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    protected override string TimeType => "TIMESTAMPTZ";
    protected override string BytesType => "BYTEA";
    public override string SchemaLockStatement => "SELECT pg_advisory_xact_lock(7243520917356403712)";
    public override string RowLockClause => "FOR UPDATE";
    public override string PositionLockStatement => "SELECT pg_advisory_xact_lock(7243520917356403713)";
    public override string LeaderLockStatement => "SELECT pg_try_advisory_lock(7243520917356403714)";
    public override string LeaderUnlockStatement => "SELECT pg_advisory_unlock(7243520917356403714)";
    // Dead rows are removed from the table's pages (not their bytes from every file: WAL segments and backups keep them).
    public override string AfterSecureDeleteStatement => "VACUUM secret_ballot_seals, secret_ballot_keys";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    public override object TimeValue(DateTimeOffset time) => EventHasher.Normalize(time);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    public override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
