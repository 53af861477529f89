using Npgsql;

namespace Assistant.Core.Tests.Support.Storage;

/// <summary>One test's database on the shared test server; dropped on dispose.</summary>
public sealed class TestPostgresDatabase(string name, string connectionString, string adminConnectionString) : IAsyncDisposable
{
    public string Name => name;

    public string ConnectionString => connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        // FORCE ends sessions a store under test left open, so a failing test cannot leak its database.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
