using System.Globalization;
using System.Text.Json;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// The rollout in the app database (one row; none until an admin first starts one) and its event history. Every replica
/// and the CLI share the file, so a change made through one is read by all.
/// </summary>
public sealed class SqliteRolloutStore(SqliteDatabase database, TimeProvider clock) : IRolloutStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS rollout_state (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            stable_id    TEXT,
            candidate_id TEXT,
            audience     TEXT NOT NULL,
            started_at   TEXT,
            changed_by   TEXT,
            changed_at   TEXT
        );
        CREATE TABLE IF NOT EXISTS release_events (
            id           TEXT PRIMARY KEY,
            at           TEXT NOT NULL,
            kind         TEXT NOT NULL,
            actor        TEXT NOT NULL,
            stable_id    TEXT,
            candidate_id TEXT,
            detail       TEXT NOT NULL,
            breach       TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_release_events_at ON release_events(at);
        """);

    public async Task<RolloutState> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stable_id, candidate_id, audience, started_at, changed_by, changed_at FROM rollout_state WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return RolloutState.Initial;
        }
        return new RolloutState(Text(reader, 0), Text(reader, 1),
            JsonSerializer.Deserialize<RolloutAudience>(reader.GetString(2), StoredJsonOptions.Default) ?? RolloutAudience.Nobody,
            Time(reader, 3), Text(reader, 4), Time(reader, 5));
    }

    /// <summary>
    /// Writes <paramref name="state"/> and its event in one transaction, but only when the stored rollout is still
    /// <paramref name="expected"/>: two admins (or an admin and the guards) acting on the same candidate cannot both win.
    /// </summary>
    public async Task<bool> WriteAsync(RolloutState expected, RolloutState state, ReleaseEvent happened, CancellationToken cancellationToken = default)
    {
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var transaction = writer.Connection.BeginTransaction();
        await using (var check = writer.Connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "SELECT candidate_id, stable_id FROM rollout_state WHERE id = 1";
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            var (candidate, stable) = await reader.ReadAsync(cancellationToken) ? (Text(reader, 0), Text(reader, 1)) : (null, null);
            if (candidate != expected.CandidateId || stable != expected.StableId)
            {
                return false;
            }
        }
        await using (var upsert = writer.Connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO rollout_state(id, stable_id, candidate_id, audience, started_at, changed_by, changed_at)
                VALUES(1, $stable, $candidate, $audience, $started, $by, $at)
                ON CONFLICT(id) DO UPDATE SET stable_id = excluded.stable_id, candidate_id = excluded.candidate_id, audience = excluded.audience,
                    started_at = excluded.started_at, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                """;
            upsert.Parameters.AddWithValue("$stable", (object?)state.StableId ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$candidate", (object?)state.CandidateId ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$audience", JsonSerializer.Serialize(state.Audience, StoredJsonOptions.Default));
            upsert.Parameters.AddWithValue("$started", (object?)state.StartedAt?.ToUniversalTime().ToString("O") ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$by", (object?)state.ChangedBy ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$at", (object?)state.ChangedAt?.ToUniversalTime().ToString("O") ?? DBNull.Value);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = writer.Connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO release_events(id, at, kind, actor, stable_id, candidate_id, detail, breach)
                VALUES($id, $at, $kind, $actor, $stable, $candidate, $detail, $breach)
                """;
            insert.Parameters.AddWithValue("$id", happened.Id);
            insert.Parameters.AddWithValue("$at", happened.At.ToUniversalTime().ToString("O"));
            insert.Parameters.AddWithValue("$kind", happened.Kind);
            insert.Parameters.AddWithValue("$actor", happened.Actor);
            insert.Parameters.AddWithValue("$stable", (object?)happened.StableId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$candidate", (object?)happened.CandidateId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$detail", happened.Detail);
            insert.Parameters.AddWithValue("$breach", happened.Breach is null ? DBNull.Value : JsonSerializer.Serialize(happened.Breach, StoredJsonOptions.Default));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Events newest first; <paramref name="since"/> limits them to a period (the dashboard's).</summary>
    public async Task<IReadOnlyList<ReleaseEvent>> EventsAsync(int limit = 50, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at, kind, actor, stable_id, candidate_id, detail, breach FROM release_events
            WHERE $since IS NULL OR at >= $since ORDER BY at DESC, id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$since", (object?)since?.ToUniversalTime().ToString("O") ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<ReleaseEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new ReleaseEvent(reader.GetString(0), Time(reader, 1)!.Value, reader.GetString(2), reader.GetString(3), Text(reader, 4), Text(reader, 5),
                reader.GetString(6), Text(reader, 7) is { } breach ? JsonSerializer.Deserialize<GuardBreach>(breach, StoredJsonOptions.Default) : null));
        }
        return events;
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
