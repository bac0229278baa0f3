using System.Data.Common;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Projections;

/// <summary>The transaction a projection writes its read model in; the checkpoint moves in the same one.</summary>
public sealed class ProjectionContext
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _dialect;

    internal ProjectionContext(DbConnection connection, DbTransaction transaction, SqlDialect dialect) =>
        (_connection, _transaction, _dialect) = (connection, transaction, dialect);

    /// <summary>Runs a statement; parameters are named <c>@name</c>. Returns the rows it affected.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlEventLog.Command(_connection, _transaction, sql, Values(parameters));
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Reads rows of the projection's own tables as this transaction sees them (its earlier writes included).</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var command = SqlEventLog.Command(_connection, _transaction, sql, Values(parameters));
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync().ConfigureAwait(false)) rows.Add(row(reader));
        return rows;
    }

    /// <summary>The events of a stream up to and including <paramref name="throughSequence"/>, as this transaction sees them.</summary>
    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long throughSequence)
    {
        await using var command = SqlEventLog.Command(_connection, _transaction,
            $"SELECT {EventRows.Columns} FROM events WHERE stream_id = @stream AND sequence <= @through ORDER BY sequence",
            ("@stream", streamId), ("@through", throughSequence));
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var events = new List<EventEnvelope>();
        while (await reader.ReadAsync().ConfigureAwait(false)) events.Add(EventRows.Read(reader, _dialect, 0));
        return events;
    }

    internal static (string, object)[] Values((string Name, object? Value)[] parameters)
    {
        var values = new (string, object)[parameters.Length];
        for (var i = 0; i < values.Length; i++) values[i] = (parameters[i].Name, parameters[i].Value ?? DBNull.Value);
        return values;
    }
}
