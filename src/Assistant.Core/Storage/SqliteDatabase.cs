using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>
/// Opens connections to one SQLite file and creates a store's tables once. Each feature's store (conversations,
/// traces, ...) brings its own DDL, so adding a feature never edits a central schema. The app's state and the
/// knowledge index live in two such files, so an ingest's long write transaction never blocks a chat request.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    // WAL lets readers see the last commit while a writer works. synchronous=NORMAL in WAL mode still never corrupts
    // the file and loses nothing when the process dies; only a power cut can lose the last commits. It saves an
    // fsync per commit, which is most of a short write's cost. busy_timeout makes SQLite itself wait for another
    // connection's lock (polling every few milliseconds); without it Microsoft.Data.Sqlite retries a busy statement
    // by blocking the thread for 150 ms at a time, which was the long tail under concurrent chat.
    private readonly string _connectionPragmas;

    // One writer at a time in this process, queued without blocking a thread; other processes (the CLI) are
    // waited for by busy_timeout.
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly TimeSpan _busyTimeout;

    /// <param name="busyTimeoutSeconds">How long a statement waits for another connection's lock before SQLITE_BUSY.</param>
    public SqliteDatabase(string databasePath, int busyTimeoutSeconds = 5)
    {
        Path = System.IO.Path.GetFullPath(databasePath);
        _busyTimeout = TimeSpan.FromSeconds(busyTimeoutSeconds);
        _connectionPragmas = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {busyTimeoutSeconds * 1000};";
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

    /// <summary>
    /// A connection for a short write, taken in turn with this process's other writers: waiting writers queue
    /// asynchronously instead of polling the lock. Past the busy timeout the wait fails as SQLITE_BUSY.
    /// </summary>
    public async Task<SqliteWriteTurn> OpenWriterAsync(StoreSchema schema, CancellationToken cancellationToken)
    {
        await schema.EnsureCreatedAsync();
        if (!await _writeTurn.WaitAsync(_busyTimeout, cancellationToken))
        {
            throw new SqliteException($"Waited {_busyTimeout.TotalSeconds:N0} s for a turn to write to {Path}.", 5);
        }
        try
        {
            return new SqliteWriteTurn(await OpenConnectionAsync(cancellationToken), _writeTurn);
        }
        catch
        {
            _writeTurn.Release();
            throw;
        }
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
        pragmas.CommandText = _connectionPragmas;
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
