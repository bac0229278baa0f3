using System.Data.Common;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>
    /// Reads the database as it is, without catching any projection up first: for a caller that checks freshness
    /// itself in the same query (a cache key that also reads a checkpoint) and catches up only when it must.
    /// </summary>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> row, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = SqlEventLog.Command(connection, null, sql, ProjectionContext.Values(parameters));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) rows.Add(row(reader));
        return rows;
    }
}
