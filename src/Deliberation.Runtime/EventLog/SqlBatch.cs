using System.Data.Common;
using System.Text;

namespace Deliberation.Runtime.EventLog;

/// <summary>One SQL statement whose values are bound as @p0, @p1, ... in the order they were added.</summary>
internal sealed class SqlStatement
{
    // Room for a one-row statement at once (grown from 16 characters, a flush's text was a chain of copies).
    private readonly StringBuilder _text = new(256);
    private readonly List<object> _values = [];

    public SqlStatement(string text = "") => _text.Append(text);

    public string Text => _text.ToString();
    public IReadOnlyList<object> Values => _values;

    public SqlStatement Append(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Appends a placeholder for the value.</summary>
    public SqlStatement Bind(object value)
    {
        _text.Append("@p").Append(_values.Count);
        _values.Add(value);
        return this;
    }

    /// <summary>Appends "(v1, v2, ...)" with one placeholder per value.</summary>
    public SqlStatement BindList(IEnumerable<object> values)
    {
        _text.Append('(');
        var first = true;
        foreach (var value in values)
        {
            if (!first) _text.Append(", ");
            Bind(value);
            first = false;
        }
        _text.Append(')');
        return this;
    }
}

/// <summary>
/// Statements sent together: as one DbBatch, so one round trip, where the provider can batch (Npgsql); otherwise one
/// command after another (Microsoft.Data.Sqlite runs in-process, so there is no round trip to save).
/// </summary>
internal sealed class SqlBatch(DbConnection connection, DbTransaction transaction)
{
    private readonly List<SqlStatement> _statements = [];

    public int Count => _statements.Count;

    public SqlBatch Add(SqlStatement statement)
    {
        _statements.Add(statement);
        return this;
    }

    /// <summary>Runs every statement; returns the rows each one affected.</summary>
    public async Task<int[]> ExecuteNonQueryAsync()
    {
        var affected = new int[_statements.Count];
        if (_statements.Count == 0) return affected;
        if (connection.CanCreateBatch)
        {
            await using var batch = CreateBatch();
            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
            for (var i = 0; i < affected.Length; i++) affected[i] = batch.BatchCommands[i].RecordsAffected;
            return affected;
        }
        for (var i = 0; i < affected.Length; i++)
        {
            await using var command = CreateCommand(_statements[i]);
            affected[i] = await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        return affected;
    }

    /// <summary>Runs every statement (each must be a query) and hands over each row with its statement's index.</summary>
    public async Task ReadAsync(Action<int, DbDataReader> row)
    {
        if (_statements.Count == 0) return;
        if (connection.CanCreateBatch)
        {
            await using var batch = CreateBatch();
            await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            var index = 0;
            do
            {
                while (await reader.ReadAsync().ConfigureAwait(false)) row(index, reader);
                index++;
            } while (await reader.NextResultAsync().ConfigureAwait(false));
            return;
        }
        for (var i = 0; i < _statements.Count; i++)
        {
            await using var command = CreateCommand(_statements[i]);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false)) row(i, reader);
        }
    }

    private DbBatch CreateBatch()
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in _statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Text;
            for (var i = 0; i < statement.Values.Count; i++) command.Parameters.Add(Parameter(command.CreateParameter(), i, statement.Values[i]));
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    private DbCommand CreateCommand(SqlStatement statement)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Text;
        for (var i = 0; i < statement.Values.Count; i++) command.Parameters.Add(Parameter(command.CreateParameter(), i, statement.Values[i]));
        return command;
    }

    // The names of a flush's parameters, made once (a flush per vote named each of its parameters anew).
    private static readonly string[] Names = Enumerable.Range(0, 256).Select(i => $"@p{i}").ToArray();

    private static DbParameter Parameter(DbParameter parameter, int index, object value)
    {
        parameter.ParameterName = index < Names.Length ? Names[index] : $"@p{index}";
        parameter.Value = value;
        return parameter;
    }
}
