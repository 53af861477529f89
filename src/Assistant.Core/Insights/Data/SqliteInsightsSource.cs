using System.Globalization;
using System.Text.Json;
using Assistant.Core.Storage;
using Assistant.Core.Tracing;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Insights.Data;

/// <summary>
/// Reads the app database's traces, feedback, handoffs and pending actions. Read-only: a table that no store has created
/// yet (no answer given so far) reads as empty rather than being created here.
/// </summary>
public sealed class SqliteInsightsSource(SqliteDatabase database) : IInsightsSource
{
    // Nothing to create: the stores own their tables and indexes. The schema only makes the file WAL before the first read.
    private readonly StoreSchema _schema = database.Schema("SELECT 1;");

    public async Task<InsightsData> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        var tables = await ReadAsync(connection, InsightsQueries.Tables, from, to, reader => reader.GetString(0), cancellationToken);
        return new InsightsData(
            tables.Contains("traces") ? await ReadAsync(connection, InsightsQueries.Answers, from, to, ReadAnswer, cancellationToken) : [],
            tables.Contains("traces") && tables.Contains("feedback") ? await ReadAsync(connection, InsightsQueries.Feedback, from, to, ReadFeedback, cancellationToken) : [],
            tables.Contains("handoffs") ? await ReadAsync(connection, InsightsQueries.Handoffs, from, to, ReadHandoff, cancellationToken) : [],
            tables.Contains("pending_actions") ? await ReadAsync(connection, InsightsQueries.Actions, from, to, ReadAction, cancellationToken) : []);
    }

    private static AnswerFact ReadAnswer(SqliteDataReader reader) =>
        AnswerFacts.From(JsonSerializer.Deserialize<AnswerTrace>(reader.GetString(0), StoredJsonOptions.Default)!);

    private static FeedbackFact ReadFeedback(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1),
        JsonSerializer.Deserialize<string[]>(reader.GetString(2), StoredJsonOptions.Default) ?? []);

    private static HandoffFact ReadHandoff(SqliteDataReader reader) => new(reader.GetString(0), ParseTime(reader.GetString(1)));

    private static ActionFact ReadAction(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), ParseTime(reader.GetString(2)));

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime();

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, DateTimeOffset from, DateTimeOffset to,
        Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Bound the way the stores write them ("O" format in UTC), so the text comparison is a time comparison.
        command.Parameters.AddWithValue("$from", from.ToUniversalTime().ToString("O"));
        command.Parameters.AddWithValue("$to", to.ToUniversalTime().ToString("O"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
