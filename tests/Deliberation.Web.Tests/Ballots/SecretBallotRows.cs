namespace Deliberation.Web.Tests.Ballots;

/// <summary>
/// Every row of every table of the database, as text, and the check docs/secret-ballots.md promises of them once a
/// secret ballot is closed: nothing joins a voter to a choice.
/// </summary>
public static class SecretBallotRows
{
    public sealed record Row(string Table, string Text);

    /// <summary>One secret vote as its voter knows it: the receipt they were shown and the client vote id they sent.</summary>
    public sealed record Voted(string Receipt, string ClientVoteId);

    /// <summary>
    /// The key and the seals are gone; every receipt is in one row only (the published list), which names none of
    /// <paramref name="voterIds"/> and no client vote id; the rows that name a voter's client vote id (one participation
    /// per vote) hold no receipt and no choice, and none is the list's row. Returns the list's row.
    /// </summary>
    public static Row NothingJoinsAVoterToAChoice(IReadOnlyList<Row> rows, IReadOnlyCollection<Voted> votes, IEnumerable<string> voterIds)
    {
        Assert.DoesNotContain(rows, r => r.Table is "secret_ballot_keys" or "secret_ballot_seals");
        var withReceipts = rows.Where(r => votes.Any(v => r.Text.Contains(v.Receipt, StringComparison.Ordinal))).ToList();
        var publishedRow = Assert.Single(withReceipts);
        Assert.All(votes, v => Assert.Contains(v.Receipt, publishedRow.Text, StringComparison.Ordinal));
        Assert.All(votes, v => Assert.DoesNotContain($"\"{v.ClientVoteId}\"", publishedRow.Text, StringComparison.Ordinal));
        Assert.All(voterIds, id => Assert.DoesNotContain(id, publishedRow.Text, StringComparison.Ordinal));
        var participations = rows.Where(r => r.Text.Contains("SecretVoteTaken", StringComparison.Ordinal)).ToList();
        Assert.Equal(votes.Count, participations.Count);
        Assert.All(participations, r =>
        {
            Assert.DoesNotContain("\"choice\"", r.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("receipt", r.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Against", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Abstain", r.Text, StringComparison.Ordinal);
        });
        // The list is one row: its one position and time are shared by all its entries, so they pair with no vote.
        Assert.DoesNotContain(participations, r => r.Text == publishedRow.Text);
        return publishedRow;
    }

    public static List<Row> Sqlite(string path)
    {
        var rows = new List<Row>();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
                rows.Add(new Row(table, string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)))));
        }
        return rows;
    }

    public static async Task<List<Row>> PostgresAsync(string connectionString)
    {
        var rows = new List<Row>();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            // The whole row as text, with the transaction that wrote it (xmin).
            await using var select = new Npgsql.NpgsqlCommand($"SELECT t.xmin::text || '|' || t::text FROM \"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(new Row(table, reader.GetString(0)));
        }
        return rows;
    }
}
