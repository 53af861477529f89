using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>An open connection that holds this process's write turn on its database until disposed.</summary>
public sealed class SqliteWriteTurn(SqliteConnection connection, SemaphoreSlim turn) : IAsyncDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync();
        }
        finally
        {
            turn.Release();
        }
    }
}
