using System.Text.Json;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Tracing;

/// <summary>Traces in the PostgreSQL database replicas share; the same contract and columns as <see cref="SqliteTraceStore"/>.</summary>
public sealed class PostgresTraceStore(PostgresDatabase database) : ITraceStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS traces (
            id               text PRIMARY KEY,
            conversation_id  text,
            created_at       timestamptz NOT NULL,
            outcome          text NOT NULL,
            generator        text NOT NULL,
            model            text,
            cost             double precision NOT NULL,
            total_ms         double precision NOT NULL,
            json             jsonb NOT NULL,
            budget_scope     text,
            request_trace_id text,
            config_version   text,
            release_arm      text
        );
        CREATE INDEX IF NOT EXISTS ix_traces_created ON traces(created_at);
        CREATE INDEX IF NOT EXISTS ix_traces_request_trace ON traces(request_trace_id);
        CREATE INDEX IF NOT EXISTS ix_traces_version ON traces(config_version, created_at);
        """);

    public async Task WriteAsync(AnswerTrace trace, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(trace, StoredJsonOptions.Default);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO traces(id, conversation_id, created_at, outcome, generator, model, cost, total_ms, json, budget_scope, request_trace_id, config_version, release_arm)
            VALUES(@id, @conversation, @at, @outcome, @generator, @model, @cost, @ms, @json, @budget, @request_trace, @version, @arm)
            """, connection);
        command.Parameters.AddWithValue("id", trace.Id);
        command.Parameters.AddWithValue("conversation", NpgsqlDbType.Text, (object?)trace.ConversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("at", trace.CreatedAt.ToUniversalTime());
        command.Parameters.AddWithValue("outcome", trace.Outcome);
        command.Parameters.AddWithValue("generator", trace.Generator);
        command.Parameters.AddWithValue("model", NpgsqlDbType.Text, (object?)trace.Model ?? DBNull.Value);
        command.Parameters.AddWithValue("cost", (double)trace.Cost);
        command.Parameters.AddWithValue("ms", trace.Latency.TotalMs);
        command.Parameters.AddWithValue("json", NpgsqlDbType.Jsonb, json);
        command.Parameters.AddWithValue("budget", NpgsqlDbType.Text, (object?)trace.Budget?.Scope ?? DBNull.Value);
        command.Parameters.AddWithValue("request_trace", NpgsqlDbType.Text, (object?)trace.RequestTraceId ?? DBNull.Value);
        command.Parameters.AddWithValue("version", NpgsqlDbType.Text, (object?)trace.ConfigVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("arm", NpgsqlDbType.Text, (object?)trace.ReleaseArm ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AnswerTrace?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT json FROM traces WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<AnswerTrace>(json, StoredJsonOptions.Default)
            : null;
    }
}
