using Npgsql;

namespace Assistant.Core.Tests.Support.Storage;

/// <summary>
/// The PostgreSQL server the tests share: the throwaway cluster the README's test command starts, named by
/// ASSISTANT_TEST_POSTGRES. Every test gets a database of its own, so tests run in parallel without seeing each
/// other's rows, and the database is dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string VariableName = "ASSISTANT_TEST_POSTGRES";

    /// <summary>A new, empty database; disposing it drops it (and closes the connections still open to it).</summary>
    public static async Task<TestPostgresDatabase> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString();
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin)
        {
            Database = name,
            // Many tests run at once against one server; small pools keep them under its connection limit.
            MaxPoolSize = 10,
        }.ToString();
        return new TestPostgresDatabase(name, connectionString, admin);
    }

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: {VariableName} is not set. `bash .ci/test.sh` starts a throwaway " +
                $"cluster and sets it; to run tests alone: export {VariableName}=\"$(bash infra/postgres/throwaway-cluster.sh start /tmp/assistant-pg --fast)\"");
}
