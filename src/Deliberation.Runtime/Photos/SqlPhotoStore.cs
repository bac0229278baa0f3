using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Photos;

/// <summary>A photo as stored: already re-encoded (no metadata left), named by the SHA-256 of its bytes.</summary>
public sealed record StoredPhoto(string PhotoId, string ContentType, int Width, int Height, byte[] Bytes);

/// <summary>Where photos' bytes live; events name a photo by its id, never carry its bytes.</summary>
public interface IPhotoStore
{
    /// <summary>Keeps the photo; storing the same bytes again (same id) changes nothing.</summary>
    Task SaveAsync(StoredPhoto photo, DateTimeOffset at, CancellationToken ct = default);

    Task<StoredPhoto?> FindAsync(string photoId, CancellationToken ct = default);
}

/// <summary>
/// Photos in the event log's own database (SQLite or PostgreSQL, one ADO.NET code path), table <c>photos</c>, created
/// with the log's tables. Content-addressed: the id is the hash of the bytes, so a row never changes once written.
/// </summary>
public sealed class SqlPhotoStore : IPhotoStore, IAsyncDisposable
{
    private readonly SqlDialect _dialect;

    /// <param name="storage">The same database settings as the event log's.</param>
    public SqlPhotoStore(EventLogOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _dialect = EventLogFactory.CreateDialect(storage);
    }

    public async Task SaveAsync(StoredPhoto photo, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(photo);
        await _dialect.EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null,
            "INSERT INTO photos (photo_id, content_type, width, height, bytes, stored_at) " +
            "VALUES (@id, @type, @width, @height, @bytes, @at) ON CONFLICT (photo_id) DO NOTHING",
            ("@id", photo.PhotoId), ("@type", photo.ContentType), ("@width", (long)photo.Width), ("@height", (long)photo.Height),
            ("@bytes", photo.Bytes), ("@at", _dialect.TimeValue(at)));
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<StoredPhoto?> FindAsync(string photoId, CancellationToken ct = default)
    {
        await _dialect.EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null,
            "SELECT content_type, width, height, bytes FROM photos WHERE photo_id = @id", ("@id", photoId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false)) return null;
        return new StoredPhoto(photoId, reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2),
            reader.GetFieldValue<byte[]>(3));
    }

    public async ValueTask DisposeAsync()
    {
        if (_dialect is IAsyncDisposable owned) await owned.DisposeAsync().ConfigureAwait(false);
    }
}
