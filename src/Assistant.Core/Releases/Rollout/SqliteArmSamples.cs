using Assistant.Core.Answers;
using Assistant.Core.Storage;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Reads both arms of a rollout from the traces table (by release arm and version, indexed) and the feedback on those
/// answers, since the rollout started. Only answers of the rollout's own stable and candidate versions count, so an
/// answer from before a promotion never counts for the wrong side.
/// </summary>
public sealed class SqliteArmSamples(SqliteDatabase database) : IArmSamples
{
    // Nothing to create: the trace and feedback stores own their tables. Read-only, and a table no store has created yet
    // (no answer, no rating so far) reads as empty. Releases names the feedback table and its "down" rating rather than
    // using the Feedback feature's types, which would make the features depend on each other in a circle.
    private readonly StoreSchema _schema = database.Schema("SELECT 1;");

    private const string Ratings = """
        (SELECT COUNT(*) FROM feedback f WHERE f.trace_id = t.id),
        (SELECT COUNT(*) FROM feedback f WHERE f.trace_id = t.id AND f.rating = 'down')
        """;

    private const string Query = $"""
        SELECT t.release_arm, t.outcome, t.total_ms, t.cost,
               COALESCE(json_extract(t.json, '$.verification.sentences'), 0),
               COALESCE(json_extract(t.json, '$.verification.supported'), 0),
               /*ratings*/
        FROM traces t
        WHERE t.created_at >= $since
          AND ((t.release_arm = 'stable' AND t.config_version = $stable) OR (t.release_arm = 'candidate' AND t.config_version = $candidate))
          AND t.outcome NOT IN ('{nameof(AnswerOutcome.ActionRequested)}', '{nameof(AnswerOutcome.AskedToClarify)}')
        """;

    public async Task<(ArmSample Stable, ArmSample Candidate)> ReadAsync(string stableId, string candidateId, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using (var names = connection.CreateCommand())
        {
            names.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('traces', 'feedback')";
            await using var found = await names.ExecuteReaderAsync(cancellationToken);
            while (await found.ReadAsync(cancellationToken))
            {
                tables.Add(found.GetString(0));
            }
        }
        if (!tables.Contains("traces"))
        {
            return (ArmSample.Empty, ArmSample.Empty);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Query.Replace("/*ratings*/", tables.Contains("feedback") ? Ratings : "0, 0", StringComparison.Ordinal);
        command.Parameters.AddWithValue("$since", since.ToUniversalTime().ToString("O"));
        command.Parameters.AddWithValue("$stable", stableId);
        command.Parameters.AddWithValue("$candidate", candidateId);
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
