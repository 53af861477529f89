using System.Text.Json;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Releases.Rollout;

/// <summary>The rollout and its events in the PostgreSQL database replicas share; the same contract as <see cref="SqliteRolloutStore"/>.</summary>
public sealed class PostgresRolloutStore(PostgresDatabase database, TimeProvider clock) : IRolloutStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS rollout_state (
            id           integer PRIMARY KEY CHECK (id = 1),
            stable_id    text,
            candidate_id text,
            audience     jsonb NOT NULL,
            started_at   timestamptz,
            changed_by   text,
            changed_at   timestamptz
        );
        CREATE TABLE IF NOT EXISTS release_events (
            id           text PRIMARY KEY,
            at           timestamptz NOT NULL,
            kind         text NOT NULL,
            actor        text NOT NULL,
            stable_id    text,
            candidate_id text,
            detail       text NOT NULL,
            breach       jsonb
        );
        CREATE INDEX IF NOT EXISTS ix_release_events_at ON release_events(at);
        """);

    public DateTimeOffset Now => PostgresTime.Truncate(clock.GetUtcNow());

    public async Task<RolloutState> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT stable_id, candidate_id, audience, started_at, changed_by, changed_at FROM rollout_state WHERE id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return RolloutState.Initial;
        }
        return new RolloutState(Text(reader, 0), Text(reader, 1),
            JsonSerializer.Deserialize<RolloutAudience>(reader.GetString(2), StoredJsonOptions.Default) ?? RolloutAudience.Nobody,
            Time(reader, 3), Text(reader, 4), Time(reader, 5));
    }

    public async Task<bool> WriteAsync(RolloutState expected, RolloutState state, ReleaseEvent happened, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A conditional update: a replica that changed the rollout meanwhile holds the row's lock, and once it commits
        // PostgreSQL checks the WHERE again against its row, so only one of two racing changes matches. With no row yet,
        // the insert's primary key does the same for two first rollouts.
        await using (var update = new NpgsqlCommand("""
            UPDATE rollout_state SET stable_id = @stable, candidate_id = @candidate, audience = @audience, started_at = @started,
                changed_by = @by, changed_at = @at
            WHERE id = 1 AND stable_id IS NOT DISTINCT FROM @expectedStable AND candidate_id IS NOT DISTINCT FROM @expectedCandidate
            """, connection, transaction))
        {
            Bind(update, state);
            update.Parameters.AddWithValue("expectedStable", NpgsqlDbType.Text, (object?)expected.StableId ?? DBNull.Value);
            update.Parameters.AddWithValue("expectedCandidate", NpgsqlDbType.Text, (object?)expected.CandidateId ?? DBNull.Value);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0 && !await InsertFirstAsync(connection, transaction, expected, state, cancellationToken))
            {
                return false;
            }
        }
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO release_events(id, at, kind, actor, stable_id, candidate_id, detail, breach)
            VALUES(@id, @at, @kind, @actor, @stable, @candidate, @detail, @breach)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", happened.Id);
            insert.Parameters.AddWithValue("at", happened.At.ToUniversalTime());
            insert.Parameters.AddWithValue("kind", happened.Kind);
            insert.Parameters.AddWithValue("actor", happened.Actor);
            insert.Parameters.AddWithValue("stable", NpgsqlDbType.Text, (object?)happened.StableId ?? DBNull.Value);
            insert.Parameters.AddWithValue("candidate", NpgsqlDbType.Text, (object?)happened.CandidateId ?? DBNull.Value);
            insert.Parameters.AddWithValue("detail", happened.Detail);
            insert.Parameters.AddWithValue("breach", NpgsqlDbType.Jsonb,
                happened.Breach is null ? DBNull.Value : JsonSerializer.Serialize(happened.Breach, StoredJsonOptions.Default));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ReleaseEvent>> EventsAsync(int limit = 50, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, at, kind, actor, stable_id, candidate_id, detail, breach FROM release_events
            WHERE @since::timestamptz IS NULL OR at >= @since ORDER BY at DESC, id DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("since", NpgsqlDbType.TimestampTz, (object?)since?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<ReleaseEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new ReleaseEvent(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                Text(reader, 4), Text(reader, 5), reader.GetString(6),
                Text(reader, 7) is { } breach ? JsonSerializer.Deserialize<GuardBreach>(breach, StoredJsonOptions.Default) : null));
        }
        return events;
    }

    /// <summary>The first write of a rollout that was never stored (expected is then the initial state): true when this one made the row.</summary>
    private static async Task<bool> InsertFirstAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RolloutState expected, RolloutState state,
        CancellationToken cancellationToken)
    {
        if (expected.StableId is not null || expected.CandidateId is not null)
        {
            return false;
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO rollout_state(id, stable_id, candidate_id, audience, started_at, changed_by, changed_at)
            VALUES(1, @stable, @candidate, @audience, @started, @by, @at) ON CONFLICT(id) DO NOTHING
            """, connection, transaction);
        Bind(insert, state);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static void Bind(NpgsqlCommand command, RolloutState state)
    {
        command.Parameters.AddWithValue("stable", NpgsqlDbType.Text, (object?)state.StableId ?? DBNull.Value);
        command.Parameters.AddWithValue("candidate", NpgsqlDbType.Text, (object?)state.CandidateId ?? DBNull.Value);
        command.Parameters.AddWithValue("audience", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(state.Audience, StoredJsonOptions.Default));
        command.Parameters.AddWithValue("started", NpgsqlDbType.TimestampTz, (object?)state.StartedAt?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue("by", NpgsqlDbType.Text, (object?)state.ChangedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, (object?)state.ChangedAt?.ToUniversalTime() ?? DBNull.Value);
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
