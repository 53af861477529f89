using Npgsql;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>Reads rows of the stores' tables for the checks; asks for the tables first, so a missing one is a clear failure.</summary>
internal sealed class StoredRows(NpgsqlConnection connection, IReadOnlySet<string> tables)
{
    public static async Task<IReadOnlySet<string>> TablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    /// <summary>Every row of <paramref name="sql"/>, after making sure the tables it reads exist.</summary>
    public async Task<List<T>> QueryAsync<T>(IReadOnlyList<string> needs, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        var missing = needs.Where(table => !tables.Contains(table)).ToList();
        if (missing.Count > 0)
        {
            throw new MissingTablesException(missing);
        }
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
