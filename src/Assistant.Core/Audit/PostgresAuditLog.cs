using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Audit;

/// <summary>
/// The audit log in the PostgreSQL database replicas share; the same contract as <see cref="SqliteAuditLog"/>.
/// Appends from every replica take one advisory lock (<see cref="AdvisoryLocks.AuditAppend"/>) for the length of their
/// transaction and number the entry MAX + 1 under it, so sequences stay gap-free (a PostgreSQL sequence would
/// leave a hole for every rolled-back append) and times follow sequences, as on SQLite's write lock.
/// </summary>
public sealed class PostgresAuditLog(PostgresDatabase database, TimeProvider? time = null) : IAuditLog
{
    // The triggers make the table append-only for anyone who bypasses this class (psql, another service); TRUNCATE
    // fires no row trigger, so it has a statement trigger of its own.
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS audit_log (
            sequence         bigint PRIMARY KEY,
            id               text NOT NULL UNIQUE,
            at               timestamptz NOT NULL,
            actor            text NOT NULL,
            role             text NOT NULL,
            event            text NOT NULL,
            tool             text NOT NULL,
            action_id        text,
            arguments_hash   text,
            outcome          text NOT NULL,
            detail           text,
            request_trace_id text
        );
        CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log(actor);
        CREATE INDEX IF NOT EXISTS audit_log_tool ON audit_log(tool);
        CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log(action_id);
        CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
        CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit log is append-only' USING ERRCODE = 'insufficient_privilege';
        END;
        $$;
        CREATE OR REPLACE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
        CREATE OR REPLACE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
        CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
        """);

    private const string Columns = "sequence, id, at, actor, role, event, tool, action_id, arguments_hash, outcome, detail, request_trace_id";

    private const string Filter = """
        (@actor::text IS NULL OR actor = @actor)
        AND (@tool::text IS NULL OR tool = @tool)
        AND (@event::text IS NULL OR event = @event)
        AND (@action::text IS NULL OR action_id = @action)
        AND (@from::timestamptz IS NULL OR at >= @from)
        AND (@to::timestamptz IS NULL OR at < @to)
        """;

    private const string Insert = $"""
        INSERT INTO audit_log({Columns})
        SELECT COALESCE(MAX(sequence), 0) + 1, @id, @at, @actor, @role, @event, @tool, @action, @hash, @outcome, @detail, @request_trace FROM audit_log
        RETURNING sequence
        """;

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Validate();
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        // The clock is read under the lock, so times never run backwards against sequence numbers (given replicas
        // whose clocks agree, which NTP keeps well inside the time one append takes).
        var entry = new AuditEntry(Ids.New("audit"), 0, PostgresTime.Truncate((time ?? TimeProvider.System).GetUtcNow()),
            record.Actor, record.Role, record.Event, record.Tool, record.ActionId, record.ArgumentsHash, record.Outcome, record.TrimmedDetail)
        {
            RequestTraceId = Activity.Current?.TraceId.ToHexString(),
        };
        await using var command = InsertCommand(connection, transaction, entry);
        var sequence = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return entry with { Sequence = sequence };
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, AuditQuery.MaxLimit);
        var entries = new List<AuditEntry>();
        await foreach (var entry in ReadAsync(query, newestFirst: true, query.Limit, cancellationToken))
        {
            entries.Add(entry);
        }
        return entries;
    }

    public async Task ExportJsonlAsync(Stream destination, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(query);
        // Streamed row by row: an export of the whole log must not have to fit in memory.
        await foreach (var entry in ReadAsync(query, newestFirst: false, limit: null, cancellationToken))
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(entry, StoredJsonOptions.Default);
            await destination.WriteAsync(line, cancellationToken);
            await destination.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }
        await destination.FlushAsync(cancellationToken);
    }

    public async Task ProbeWriteAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // Takes the append lock and passes the table's constraints like a real entry; the rollback leaves no row,
        // and since numbers come from MAX + 1 rather than a sequence, no gap either.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        var probe = new AuditEntry("audit-probe", 0, (time ?? TimeProvider.System).GetUtcNow(), AuditRecord.SystemActor, AuditRecord.SystemActor,
            "probe", "audit", null, null, "ok", null);
        await using var command = InsertCommand(connection, transaction, probe);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLocks.AuditAppend})", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand InsertCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry)
    {
        var command = new NpgsqlCommand(Insert, connection, transaction);
        command.Parameters.AddWithValue("id", entry.Id);
        command.Parameters.AddWithValue("at", entry.At.ToUniversalTime());
        command.Parameters.AddWithValue("actor", entry.Actor);
        command.Parameters.AddWithValue("role", entry.Role);
        command.Parameters.AddWithValue("event", entry.Event);
        command.Parameters.AddWithValue("tool", entry.Tool);
        command.Parameters.AddWithValue("action", NpgsqlDbType.Text, (object?)entry.ActionId ?? DBNull.Value);
        command.Parameters.AddWithValue("hash", NpgsqlDbType.Text, (object?)entry.ArgumentsHash ?? DBNull.Value);
        command.Parameters.AddWithValue("outcome", entry.Outcome);
        command.Parameters.AddWithValue("detail", NpgsqlDbType.Text, (object?)entry.Detail ?? DBNull.Value);
        command.Parameters.AddWithValue("request_trace", NpgsqlDbType.Text, (object?)entry.RequestTraceId ?? DBNull.Value);
        return command;
    }

    private async IAsyncEnumerable<AuditEntry> ReadAsync(AuditQuery query, bool newestFirst, int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // Ordered by sequence, not time: the sequence is the log's own order and cannot tie.
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM audit_log WHERE {Filter} ORDER BY sequence {(newestFirst ? "DESC" : "ASC")}" + (limit is null ? "" : " LIMIT @limit"),
            connection);
        command.Parameters.AddWithValue("actor", NpgsqlDbType.Text, (object?)query.Actor ?? DBNull.Value);
        command.Parameters.AddWithValue("tool", NpgsqlDbType.Text, (object?)query.Tool ?? DBNull.Value);
        command.Parameters.AddWithValue("event", NpgsqlDbType.Text, (object?)query.Event ?? DBNull.Value);
        command.Parameters.AddWithValue("action", NpgsqlDbType.Text, (object?)query.ActionId ?? DBNull.Value);
        command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, (object?)query.From?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, (object?)query.To?.ToUniversalTime() ?? DBNull.Value);
        if (limit is not null)
        {
            command.Parameters.AddWithValue("limit", limit.Value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditEntry(
                Id: reader.GetString(1),
                Sequence: reader.GetInt64(0),
                At: reader.GetFieldValue<DateTimeOffset>(2),
                Actor: reader.GetString(3),
                Role: reader.GetString(4),
                Event: reader.GetString(5),
                Tool: reader.GetString(6),
                ActionId: reader.IsDBNull(7) ? null : reader.GetString(7),
                ArgumentsHash: reader.IsDBNull(8) ? null : reader.GetString(8),
                Outcome: reader.GetString(9),
                Detail: reader.IsDBNull(10) ? null : reader.GetString(10))
            {
                RequestTraceId = reader.IsDBNull(11) ? null : reader.GetString(11),
            };
        }
    }
}
