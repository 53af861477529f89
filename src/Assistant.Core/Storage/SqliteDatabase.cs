using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>
/// Opens connections to one SQLite file and creates a store's tables once. Each feature's store (conversations,
/// traces, ...) brings its own DDL, so adding a feature never edits a central schema. The app's state and the
/// knowledge index live in two such files, so an ingest's long write transaction never blocks a chat request.
/// </summary>
public sealed class SqliteDatabase
{
    // WAL lets readers see the last commit while a writer works. synchronous=NORMAL in WAL mode still never corrupts
    // the file and loses nothing when the process dies; only a power cut can lose the last commits. It saves an
    // fsync per commit, which is most of a short write's cost. Both are per connection; pooled connections keep them.
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL;";

    private readonly string _connectionString;

    /// <param name="busyTimeoutSeconds">How long a statement waits for another connection's lock before SQLITE_BUSY.</param>
    public SqliteDatabase(string databasePath, int busyTimeoutSeconds = 5)
    {
        Path = System.IO.Path.GetFullPath(databasePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = true,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries a busy or locked statement until this many seconds have passed.
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(StoreSchema schema, CancellationToken cancellationToken)
    {
        await schema.EnsureCreatedAsync();
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>A schema that is created (and migrated, when a step is given) the first time any connection is opened.</summary>
    public StoreSchema Schema(string ddl, Func<SqliteConnection, Task>? migrate = null) => new(async () =>
    {
        await using var connection = await OpenConnectionAsync(CancellationToken.None);
        await StoreSchema.CreateAsync(connection, ddl, migrate);
    });

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = ConnectionPragmas;
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
