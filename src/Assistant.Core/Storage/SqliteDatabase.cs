using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>
/// Opens connections to the assistant's one SQLite file and creates a store's tables once. Each feature's store
/// (conversations, traces, ...) brings its own DDL, so adding a feature never edits a central schema.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, ForeignKeys = true }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(Lazy<Task> schema, CancellationToken cancellationToken)
    {
        await schema.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A schema that is created (and migrated, when a step is given) the first time any connection is opened.</summary>
    public Lazy<Task> Schema(string ddl, Func<SqliteConnection, Task>? migrate = null) => new(async () =>
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;" + ddl;
        await command.ExecuteNonQueryAsync();
        if (migrate is not null)
        {
            await migrate(connection);
        }
    });
}
