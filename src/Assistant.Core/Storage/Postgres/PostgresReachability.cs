using System.Diagnostics;
using Npgsql;

namespace Assistant.Core.Storage.Postgres;

/// <summary>
/// The start-up check of the PostgreSQL provider: a replica that cannot reach its database says which server it
/// tried and which setting to fix, instead of failing later on a user's request with a socket error.
/// </summary>
public static class PostgresReachability
{
    public static async Task EnsureReachableAsync(PostgresDatabase database, TimeSpan wait, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && clock.Elapsed < wait)
            {
                // Still starting (a container, a failover): try again shortly, until the wait is over.
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
            catch (NpgsqlException exception)
            {
                throw new DatabaseUnreachableException(Describe(database.DataSource.ConnectionString, exception, clock.Elapsed), exception);
            }
        }
    }

    public static string Describe(string connectionString, Exception exception, TimeSpan waited)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"Assistant:Storage:Provider is PostgreSQL, but the database could not be reached: tried host '{settings.Host}', port {settings.Port}, " +
               $"database '{settings.Database}' as user '{settings.Username}' for {waited.TotalSeconds:0.#} s ({exception.Message}). " +
               "Fix Assistant:Storage:ConnectionString (or the server: is it running, and does it accept this host and user?), " +
               "or set Assistant:Storage:Provider to Sqlite to run on one host without it.";
    }
}
