using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Audit;

public sealed class SqliteAuditLog(SqliteDatabase database, TimeProvider? time = null) : IAuditLog
{
    // AUTOINCREMENT so a sequence number is never reused; the triggers make the table append-only even for code
    // (or a person with the sqlite3 shell) that bypasses this class.
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS audit_log (
            sequence       INTEGER PRIMARY KEY AUTOINCREMENT,
            id             TEXT NOT NULL UNIQUE,
            at             TEXT NOT NULL,
            actor          TEXT NOT NULL,
            role           TEXT NOT NULL,
            event          TEXT NOT NULL,
            tool           TEXT NOT NULL,
            action_id      TEXT,
            arguments_hash TEXT,
            outcome        TEXT NOT NULL,
            detail         TEXT,
            request_trace_id TEXT
        );
        CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log(actor);
        CREATE INDEX IF NOT EXISTS audit_log_tool ON audit_log(tool);
        CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log(action_id);
        CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'audit log is append-only');
        END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'audit log is append-only');
        END;
        """, migrate: AddRequestTraceIdAsync);

    // Logs from before request tracing gain the column; adding a column is no UPDATE, so the triggers allow it.
    private static Task AddRequestTraceIdAsync(SqliteConnection connection) =>
        SqliteColumns.AddIfMissingAsync(connection, "audit_log", "request_trace_id", "TEXT");

    private const string Columns = "sequence, id, at, actor, role, event, tool, action_id, arguments_hash, outcome, detail, request_trace_id";

    private const string Filter = """
        ($actor IS NULL OR actor = $actor)
        AND ($tool IS NULL OR tool = $tool)
        AND ($event IS NULL OR event = $event)
        AND ($action IS NULL OR action_id = $action)
        AND ($from IS NULL OR at >= $from)
        AND ($to IS NULL OR at < $to)
        """;

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Validate();
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // BEGIN IMMEDIATE takes the write lock before the clock is read, so times never run backwards against
        // sequence numbers when several requests append at once.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var id = Ids.New("audit");
        var at = (time ?? TimeProvider.System).GetUtcNow();
        var detail = record.TrimmedDetail;
        // The request (or background job) that took the step, so the row joins its log lines and answer trace.
        var requestTraceId = Activity.Current?.TraceId.ToHexString();
        long sequence;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO audit_log(id, at, actor, role, event, tool, action_id, arguments_hash, outcome, detail, request_trace_id)
                VALUES($id, $at, $actor, $role, $event, $tool, $action, $hash, $outcome, $detail, $request_trace)
                RETURNING sequence
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$at", Format(at));
            command.Parameters.AddWithValue("$actor", record.Actor);
            command.Parameters.AddWithValue("$role", record.Role);
            command.Parameters.AddWithValue("$event", record.Event);
            command.Parameters.AddWithValue("$tool", record.Tool);
            command.Parameters.AddWithValue("$action", (object?)record.ActionId ?? DBNull.Value);
            command.Parameters.AddWithValue("$hash", (object?)record.ArgumentsHash ?? DBNull.Value);
            command.Parameters.AddWithValue("$outcome", record.Outcome);
            command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
            command.Parameters.AddWithValue("$request_trace", (object?)requestTraceId ?? DBNull.Value);
            sequence = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        await transaction.CommitAsync(cancellationToken);
        return new AuditEntry(id, sequence, at, record.Actor, record.Role, record.Event, record.Tool,
            record.ActionId, record.ArgumentsHash, record.Outcome, detail) { RequestTraceId = requestTraceId };
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
        // The insert passes the table's constraints and triggers like a real entry; the rollback also restores the
        // AUTOINCREMENT counter, so the probe leaves no gap in the sequence.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit_log(id, at, actor, role, event, tool, outcome)
            VALUES('audit-probe', $at, 'system', 'system', 'probe', 'audit', 'ok')
            """;
        command.Parameters.AddWithValue("$at", Format((time ?? TimeProvider.System).GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }

    private async IAsyncEnumerable<AuditEntry> ReadAsync(AuditQuery query, bool newestFirst, int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        // Ordered by sequence, not time: the sequence is the log's own order and cannot tie.
        command.CommandText = $"SELECT {Columns} FROM audit_log WHERE {Filter} ORDER BY sequence {(newestFirst ? "DESC" : "ASC")}"
            + (limit is null ? "" : " LIMIT $limit");
        command.Parameters.AddWithValue("$actor", (object?)query.Actor ?? DBNull.Value);
        command.Parameters.AddWithValue("$tool", (object?)query.Tool ?? DBNull.Value);
        command.Parameters.AddWithValue("$event", (object?)query.Event ?? DBNull.Value);
        command.Parameters.AddWithValue("$action", (object?)query.ActionId ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", query.From is { } from ? Format(from) : DBNull.Value);
        command.Parameters.AddWithValue("$to", query.To is { } to ? Format(to) : DBNull.Value);
        if (limit is not null)
        {
            command.Parameters.AddWithValue("$limit", limit.Value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditEntry(
                Id: reader.GetString(1),
                Sequence: reader.GetInt64(0),
                At: DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
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

    // Fixed-width UTC text ("2025-01-31T09:00:00.0000000Z") sorts as it reads, so time filters can compare strings.
    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
