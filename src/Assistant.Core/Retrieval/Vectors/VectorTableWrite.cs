using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>One write transaction on the knowledge database for the vector tables: a batch costs one commit, not one per row.</summary>
internal static class VectorTableWrite
{
    public static async Task RunAsync(SqliteDatabase database, StoreSchema schema, Func<SqliteConnection, Task> write, CancellationToken cancellationToken)
    {
        await using var turn = await database.OpenWriterAsync(schema, cancellationToken);
        // Plain SQL rather than an ADO.NET transaction, so the commands need not be handed the transaction object.
        // IMMEDIATE takes the write lock up front, so a concurrent ingest makes this wait rather than fail mid-way.
        await ExecuteAsync(turn.Connection, "BEGIN IMMEDIATE;");
        try
        {
            await write(turn.Connection);
            await ExecuteAsync(turn.Connection, "COMMIT;");
        }
        catch
        {
            await ExecuteAsync(turn.Connection, "ROLLBACK;");
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
