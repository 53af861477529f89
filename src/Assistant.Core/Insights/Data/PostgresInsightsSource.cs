using System.Text.Json;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;

namespace Assistant.Core.Insights.Data;

/// <summary>
/// Reads the shared PostgreSQL database's traces, feedback, handoffs and pending actions; the same facts as
/// <see cref="SqliteInsightsSource"/>. Read-only: a table no store has created yet reads as empty.
/// </summary>
public sealed class PostgresInsightsSource(PostgresDatabase database) : IInsightsSource
{
    public async Task<InsightsData> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        // Straight from the pool: the stores own their tables, so there is no schema to create here.
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var tables = await TablesAsync(connection, cancellationToken);
        return new InsightsData(
            tables.Contains("traces") ? await ReadAsync(connection, PostgresInsightsQueries.Answers, from, to, ReadAnswer, cancellationToken) : [],
            tables.Contains("traces") && tables.Contains("feedback") ? await ReadAsync(connection, PostgresInsightsQueries.Feedback, from, to, ReadFeedback, cancellationToken) : [],
            tables.Contains("handoffs") ? await ReadAsync(connection, PostgresInsightsQueries.Handoffs, from, to, ReadHandoff, cancellationToken) : [],
            tables.Contains("pending_actions") ? await ReadAsync(connection, PostgresInsightsQueries.Actions, from, to, ReadAction, cancellationToken) : []);
    }

    private static AnswerFact ReadAnswer(NpgsqlDataReader reader) =>
        AnswerFacts.From(JsonSerializer.Deserialize<Tracing.AnswerTrace>(reader.GetString(0), StoredJsonOptions.Default)!);

    private static FeedbackFact ReadFeedback(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1),
        JsonSerializer.Deserialize<string[]>(reader.GetString(2), StoredJsonOptions.Default) ?? []);

    // timestamptz reads as a UTC instant, as SQLite's source gives it after parsing.
    private static HandoffFact ReadHandoff(NpgsqlDataReader reader) => new(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));

    private static ActionFact ReadAction(NpgsqlDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));

    private static async Task<HashSet<string>> TablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresInsightsQueries.Tables, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, DateTimeOffset from, DateTimeOffset to,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
