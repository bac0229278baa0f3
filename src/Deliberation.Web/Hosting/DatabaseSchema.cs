using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Creates the accounts tables on start when they are missing. The event log creates its own tables,
/// so EF's EnsureCreated (which gives up once any table exists) is not enough here.
/// </summary>
public static class DatabaseSchema
{
    // Any fixed number works; it only has to be the same in every process sharing the database.
    private const long SchemaLockKey = 0x44454c4942;

    public static async Task EnsureAsync(DeliberationDb db, StorageOptions storage, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!storage.IsPostgres)
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (storage.IsPostgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SchemaLockKey})", ct);
            if (!await TableExistsAsync(db, storage, "AspNetUsers", ct))
                await ExecuteScriptAsync(db, creator.GenerateCreateScript(), ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> TableExistsAsync(DeliberationDb db, StorageOptions storage, string table, CancellationToken ct)
    {
        var sql = storage.IsPostgres
            ? "SELECT COUNT(*) AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {0}"
            : "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}";
        var count = await db.Database.SqlQueryRaw<int>(sql, table).SingleAsync(ct);
        return count > 0;
    }

    private static async Task ExecuteScriptAsync(DeliberationDb db, string script, CancellationToken ct)
    {
        // The generated script separates statements with ';' at line ends; running it as one batch
        // works on both providers and keeps the creation inside the caller's transaction.
        await db.Database.ExecuteSqlRawAsync(script, ct);
    }
}
