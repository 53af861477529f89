using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;

namespace Assistant.Core.Tests.Support.Storage;

/// <summary>
/// The state database a store test runs against, on either provider: a SQLite file in a temporary folder, or a
/// fresh database on the test PostgreSQL server. <see cref="Pick"/> builds the store of the matching provider.
/// </summary>
public sealed class TestStateDatabase : IAsyncDisposable
{
    private readonly string? _root;
    private readonly TestPostgresDatabase? _postgresDatabase;
    private readonly List<PostgresDatabase> _replicas = [];

    private TestStateDatabase(StorageProvider provider, string? root, TestPostgresDatabase? postgresDatabase)
    {
        Provider = provider;
        _root = root;
        _postgresDatabase = postgresDatabase;
        if (root is not null)
        {
            Sqlite = new SqliteDatabase(Path.Combine(root, "assistant.db"));
        }
        if (postgresDatabase is not null)
        {
            Postgres = new PostgresDatabase(postgresDatabase.ConnectionString);
        }
    }

    public StorageProvider Provider { get; }

    public SqliteDatabase? Sqlite { get; }

    public PostgresDatabase? Postgres { get; }

    /// <summary>The configuration a host needs to use this database (Assistant:Storage:*).</summary>
    public IReadOnlyDictionary<string, string?> Settings => Provider == StorageProvider.PostgreSQL
        ? new Dictionary<string, string?>
        {
            ["Assistant:Storage:Provider"] = nameof(StorageProvider.PostgreSQL),
            ["Assistant:Storage:ConnectionString"] = _postgresDatabase!.ConnectionString,
        }
        : new Dictionary<string, string?> { ["Assistant:Storage:Provider"] = nameof(StorageProvider.Sqlite) };

    public static async Task<TestStateDatabase> CreateAsync(StorageProvider provider) => provider switch
    {
        StorageProvider.PostgreSQL => new TestStateDatabase(provider, null, await TestPostgres.CreateDatabaseAsync()),
        _ => new TestStateDatabase(provider, Directory.CreateTempSubdirectory("assistant-store-").FullName, null),
    };

    public T Pick<T>(Func<SqliteDatabase, T> onSqlite, Func<PostgresDatabase, T> onPostgres) =>
        Provider == StorageProvider.PostgreSQL ? onPostgres(Postgres!) : onSqlite(Sqlite!);

    /// <summary>
    /// Like <see cref="Pick"/>, but over a database object of its own (its own pool, its own write turn) on the same
    /// data: what a second replica sees. Concurrency tests race two of these, so nothing in-process can serialise them.
    /// </summary>
    public T OtherReplica<T>(Func<SqliteDatabase, T> onSqlite, Func<PostgresDatabase, T> onPostgres)
    {
        if (Provider == StorageProvider.PostgreSQL)
        {
            var replica = new PostgresDatabase(
                new Npgsql.NpgsqlDataSourceBuilder(_postgresDatabase!.ConnectionString) { Name = $"replica-{_replicas.Count}" }.Build());
            _replicas.Add(replica);
            return onPostgres(replica);
        }
        return onSqlite(new SqliteDatabase(Sqlite!.Path));
    }

    public async ValueTask DisposeAsync()
    {
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        if (_postgresDatabase is not null)
        {
            await _postgresDatabase.DisposeAsync();
        }
        if (_root is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }
}
