using Assistant.Core.Budgets;
using Assistant.Core.Storage;
using Assistant.Core.Tracing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Tracing;

/// <summary>A database from before budgets gains the traces' budget column, and keeps its traces.</summary>
public sealed class SqliteTraceStoreMigrationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-traces-").FullName;

    [Fact]
    public async Task A_traces_table_from_before_budgets_gains_the_budget_column_and_keeps_its_rows()
    {
        var cancel = TestContext.Current.CancellationToken;
        var path = Path.Combine(_root, "app.db");
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync(cancel);
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE traces (id TEXT PRIMARY KEY, conversation_id TEXT, created_at TEXT NOT NULL, outcome TEXT NOT NULL,
                    generator TEXT NOT NULL, model TEXT, cost REAL NOT NULL, total_ms REAL NOT NULL, json TEXT NOT NULL);
                INSERT INTO traces VALUES ('trace_old', NULL, '2026-11-01T00:00:00Z', 'Answered', 'extractive', NULL, 0, 1, '{}');
                """;
            await create.ExecuteNonQueryAsync(cancel);
        }
        var store = new SqliteTraceStore(new SqliteDatabase(path));

        await store.WriteAsync(Trace("trace_new", new BudgetDecision(BudgetModes.Offline, null, "global-daily")), cancel);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(cancel);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT id, budget_scope FROM traces ORDER BY id";
        await using var reader = await read.ExecuteReaderAsync(cancel);
        var rows = new List<(string, string?)>();
        while (await reader.ReadAsync(cancel))
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }
        Assert.Equal([("trace_new", "global-daily"), ("trace_old", null)], rows);
        Assert.Equal("global-daily", (await store.GetAsync("trace_new", cancel))!.Budget!.Scope);
    }

    private static AnswerTrace Trace(string id, BudgetDecision budget) => new(id, null, "alice", "Question?", "question", [], "answer-v2",
        "extractive", null, 0, 0, "provider", 0m, new StageLatency(0, 0, 0, 0, 0), 0.5, new VerificationSummary(0, 0, 0, 0), "Answered", null,
        DateTimeOffset.UtcNow, budget);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
