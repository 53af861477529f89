using Assistant.Core.Answers;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;

namespace Assistant.Core.Releases.Rollout;

/// <summary>Both arms of a rollout from the traces and feedback in the PostgreSQL database; the same contract as <see cref="SqliteArmSamples"/>.</summary>
public sealed class PostgresArmSamples(PostgresDatabase database) : IArmSamples
{
    // Nothing to create: the trace and feedback stores own their tables, and a table no store has created yet reads
    // as empty. The casts keep the query independent of the exact numeric and JSON column types those stores chose.
    private readonly StoreSchema _schema = database.Schema("SELECT 1;");

    private const string Ratings = """
        (SELECT COUNT(*)::integer FROM feedback f WHERE f.trace_id = t.id),
        (SELECT COUNT(*)::integer FROM feedback f WHERE f.trace_id = t.id AND f.rating = 'down')
        """;

    private const string Query = $"""
        SELECT t.release_arm, t.outcome, t.total_ms::float8, t.cost::float8,
               COALESCE((t.json::jsonb -> 'verification' ->> 'sentences')::integer, 0),
               COALESCE((t.json::jsonb -> 'verification' ->> 'supported')::integer, 0),
               /*ratings*/
        FROM traces t
        WHERE t.created_at >= @since
          AND ((t.release_arm = 'stable' AND t.config_version = @stable) OR (t.release_arm = 'candidate' AND t.config_version = @candidate))
          AND t.outcome NOT IN ('{nameof(AnswerOutcome.ActionRequested)}', '{nameof(AnswerOutcome.AskedToClarify)}')
        """;

    public async Task<(ArmSample Stable, ArmSample Candidate)> ReadAsync(string stableId, string candidateId, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        bool hasTraces, hasFeedback;
        await using (var names = new NpgsqlCommand("SELECT to_regclass('traces') IS NOT NULL, to_regclass('feedback') IS NOT NULL", connection))
        await using (var found = await names.ExecuteReaderAsync(cancellationToken))
        {
            await found.ReadAsync(cancellationToken);
            (hasTraces, hasFeedback) = (found.GetBoolean(0), found.GetBoolean(1));
        }
        if (!hasTraces)
        {
            return (ArmSample.Empty, ArmSample.Empty);
        }
        await using var command = new NpgsqlCommand(Query.Replace("/*ratings*/", hasFeedback ? Ratings : "0, 0", StringComparison.Ordinal), connection);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        command.Parameters.AddWithValue("stable", stableId);
        command.Parameters.AddWithValue("candidate", candidateId);
        var stable = new ArmTally();
        var candidate = new ArmTally();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var tally = reader.GetString(0) == ReleaseArm.Candidate ? candidate : stable;
            tally.Add(reader.GetString(1), reader.GetDouble(2), (decimal)reader.GetDouble(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.GetInt32(6), reader.GetInt32(7));
        }
        return (stable.ToSample(), candidate.ToSample());
    }
}
