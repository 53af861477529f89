using System.Text.Json;
using Assistant.Core.Storage;

namespace Assistant.Core.Tracing;

/// <summary>Traces as JSON documents, with the columns dashboards filter on pulled out beside them.</summary>
public sealed class SqliteTraceStore(SqliteDatabase database) : ITraceStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS traces (
            id              TEXT PRIMARY KEY,
            conversation_id TEXT,
            created_at      TEXT NOT NULL,
            outcome         TEXT NOT NULL,
            generator       TEXT NOT NULL,
            model           TEXT,
            cost            REAL NOT NULL,
            total_ms        REAL NOT NULL,
            json            TEXT NOT NULL,
            budget_scope    TEXT,
            request_trace_id TEXT,
            config_version  TEXT,
            release_arm     TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_traces_created ON traces(created_at);
        """, migrate: AddLaterColumnsAsync);

    // Databases from before budgets, request tracing and releases gain the columns: the budget that made an answer step
    // down, for dashboards; the request's W3C trace id (indexed, to find an answer from a log line); the version and
    // rollout arm that answered (indexed, for comparing a candidate with stable).
    private static async Task AddLaterColumnsAsync(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        await SqliteColumns.AddIfMissingAsync(connection, "traces", "budget_scope", "TEXT");
        await SqliteColumns.AddIfMissingAsync(connection, "traces", "request_trace_id", "TEXT");
        await SqliteColumns.AddIfMissingAsync(connection, "traces", "config_version", "TEXT");
        await SqliteColumns.AddIfMissingAsync(connection, "traces", "release_arm", "TEXT");
        await using var index = connection.CreateCommand();
        index.CommandText = """
            CREATE INDEX IF NOT EXISTS ix_traces_request_trace ON traces(request_trace_id);
            CREATE INDEX IF NOT EXISTS ix_traces_version ON traces(config_version, created_at);
            """;
        await index.ExecuteNonQueryAsync();
    }

    public async Task WriteAsync(AnswerTrace trace, CancellationToken cancellationToken = default)
    {
        // Serialised before taking the write turn, so other writers never wait on JSON work.
        var json = JsonSerializer.Serialize(trace, StoredJsonOptions.Default);
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO traces(id, conversation_id, created_at, outcome, generator, model, cost, total_ms, json, budget_scope, request_trace_id, config_version, release_arm)
            VALUES($id, $conversation, $at, $outcome, $generator, $model, $cost, $ms, $json, $budget, $request_trace, $version, $arm)
            """;
        command.Parameters.AddWithValue("$id", trace.Id);
        command.Parameters.AddWithValue("$conversation", (object?)trace.ConversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", trace.CreatedAt.ToString("O"));
        command.Parameters.AddWithValue("$outcome", trace.Outcome);
        command.Parameters.AddWithValue("$generator", trace.Generator);
        command.Parameters.AddWithValue("$model", (object?)trace.Model ?? DBNull.Value);
        command.Parameters.AddWithValue("$cost", (double)trace.Cost);
        command.Parameters.AddWithValue("$ms", trace.Latency.TotalMs);
        command.Parameters.AddWithValue("$json", json);
        command.Parameters.AddWithValue("$budget", (object?)trace.Budget?.Scope ?? DBNull.Value);
        command.Parameters.AddWithValue("$request_trace", (object?)trace.RequestTraceId ?? DBNull.Value);
        command.Parameters.AddWithValue("$version", (object?)trace.ConfigVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$arm", (object?)trace.ReleaseArm ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AnswerTrace?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM traces WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<AnswerTrace>(json, StoredJsonOptions.Default)
            : null;
    }
}
