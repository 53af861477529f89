using Npgsql;

namespace Assistant.Core.Storage.Postgres;

/// <summary>
/// The PostgreSQL counterpart of <see cref="SqliteDatabase"/>: pooled connections to the one database every replica
/// shares, and each feature's tables created once. Concurrency between replicas is the database's job (row locks,
/// conditional updates, advisory locks), never an in-process lock, since another process may hold the same row.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public PostgresDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public PostgresDatabase(string connectionString) : this(NpgsqlDataSource.Create(connectionString))
    {
    }

    public NpgsqlDataSource DataSource { get; }

    public async Task<NpgsqlConnection> OpenAsync(StoreSchema schema, CancellationToken cancellationToken)
    {
        await schema.EnsureCreatedAsync();
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>
    /// A schema created (and migrated, when a step is given) the first time any connection is opened. The DDL runs
    /// in one transaction under <see cref="AdvisoryLocks.Schema"/>: two replicas starting at once would otherwise
    /// both run CREATE TABLE IF NOT EXISTS and one would fail on the catalog's unique index.
    /// </summary>
    public StoreSchema Schema(string ddl, Func<NpgsqlConnection, Task>? migrate = null) => new(async () =>
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLocks.Schema}); {ddl}", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }
        if (migrate is not null)
        {
            await migrate(connection);
        }
        await transaction.CommitAsync();
    });

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
