using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>
/// Schema migrations by addition: a store whose table gained a column since older databases were made adds it on first
/// open. SQLite has no "ADD COLUMN IF NOT EXISTS", so the table's columns are read first.
/// </summary>
public static class SqliteColumns
{
    /// <summary>Adds <paramref name="column"/> (with its type and any default, e.g. "TEXT NOT NULL DEFAULT ''") when the table lacks it; true when it was added.</summary>
    public static async Task<bool> AddIfMissingAsync(SqliteConnection connection, string table, string column, string definition)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column";
        check.Parameters.AddWithValue("$table", table);
        check.Parameters.AddWithValue("$column", column);
        if ((long)(await check.ExecuteScalarAsync())! > 0)
        {
            return false;
        }
        await using var alter = connection.CreateCommand();
        // Names come from the stores' own constants, never from input: identifiers cannot be parameters.
        alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
        await alter.ExecuteNonQueryAsync();
        return true;
    }
}
