using Npgsql;

namespace Assistant.Core.Storage.Postgres;

/// <summary>
/// A PostgreSQL session advisory lock held on a connection of its own for as long as the work runs. If the replica
/// dies, its session ends and the server releases the lock, so a crashed ingest never blocks the others.
/// </summary>
public sealed class PostgresReplicaLock(PostgresDatabase database) : IReplicaLock
{
    public async Task<IAsyncDisposable> AcquireAsync(long key, CancellationToken cancellationToken = default)
    {
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            // Waits in the server for as long as the holder's run takes (no command timeout: an ingest can take minutes);
            // cancelling the token cancels the wait.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Unlocked before the connection goes back to the pool, where its session (and the lock) would live on.
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
