using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>
/// A store's tables, created (and migrated) by the first connection that needs them. Unlike a cached
/// <see cref="Lazy{T}"/>, a failed attempt (the database was locked by another process) is not remembered: the next
/// request tries again, so a busy moment at start-up never breaks a store until restart.
/// </summary>
public sealed class StoreSchema(Func<Task> create)
{
    private readonly Lock _gate = new();
    private Task? _created;

    public Task EnsureCreatedAsync()
    {
        // Every connection open passes here: once created, no lock.
        if (Volatile.Read(ref _created) is { IsCompletedSuccessfully: true } created)
        {
            return created;
        }
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = create();
            }
            return _created;
        }
    }

    internal static async Task CreateAsync(SqliteConnection connection, string ddl, Func<SqliteConnection, Task>? migrate)
    {
        // journal_mode cannot change inside a transaction; when the file is already in WAL mode it takes no lock.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;");
        // One immediate transaction: it waits for the write lock up front (or fails as busy, to be retried), and the
        // tables and their migration land together. Plain SQL rather than an ADO.NET transaction, so migration steps
        // can run their own commands inside it.
        await ExecuteAsync(connection, "BEGIN IMMEDIATE;");
        try
        {
            await ExecuteAsync(connection, ddl);
            if (migrate is not null)
            {
                await migrate(connection);
            }
            await ExecuteAsync(connection, "COMMIT;");
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK;");
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
