using System.Diagnostics;
using Assistant.Core.Audit;
using Assistant.Core.Storage;
using Assistant.Core.Tracing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Monitoring;

/// <summary>
/// Databases written before request tracing gain the request_trace_id column on first use, and new rows carry the
/// W3C trace id of the activity that wrote them.
/// </summary>
public sealed class RequestTraceIdStorageTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-trace-id-").FullName;

    private string DatabasePath => Path.Combine(_root, "assistant.db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_old_audit_log_gains_the_column_and_an_entry_keeps_the_trace_id_of_its_activity()
    {
        Execute("""
            CREATE TABLE audit_log (sequence INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, actor TEXT NOT NULL,
                role TEXT NOT NULL, event TEXT NOT NULL, tool TEXT NOT NULL, action_id TEXT, arguments_hash TEXT, outcome TEXT NOT NULL, detail TEXT);
            INSERT INTO audit_log(id, at, actor, role, event, tool, outcome) VALUES('audit_old', '2026-01-01T00:00:00.0000000Z', 'alice', 'user', 'proposed', 'open_ticket', 'ok');
            """);
        var log = new SqliteAuditLog(new SqliteDatabase(DatabasePath));
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        var entry = await log.AppendAsync(new AuditRecord("alice", "user", AuditEvent.Proposed, "open_ticket", "ok"), Cancel);
        var listed = await log.ListAsync(new AuditQuery(), Cancel);

        Assert.Equal(activity.TraceId.ToHexString(), entry.RequestTraceId);
        Assert.Equal([activity.TraceId.ToHexString(), null], listed.Select(e => e.RequestTraceId));
    }

    [Fact]
    public async Task An_old_traces_table_gains_the_column_and_a_trace_is_found_by_its_request_trace_id()
    {
        Execute("""
            CREATE TABLE traces (id TEXT PRIMARY KEY, conversation_id TEXT, created_at TEXT NOT NULL, outcome TEXT NOT NULL, generator TEXT NOT NULL,
                model TEXT, cost REAL NOT NULL, total_ms REAL NOT NULL, json TEXT NOT NULL);
            """);
        var store = new SqliteTraceStore(new SqliteDatabase(DatabasePath));
        var requestTraceId = ActivityTraceId.CreateRandom().ToHexString();
        var trace = new AnswerTrace("trace_1", null, "alice", "q", "q", [], "answer-v2", "extractive", null, 0, 0, "bpe", 0m,
            new StageLatency(0, 0, 0, 0, 1), 1, new VerificationSummary(0, 0, 0, 0), "Answered", null, DateTimeOffset.UtcNow) { RequestTraceId = requestTraceId };

        await store.WriteAsync(trace, Cancel);

        Assert.Equal(requestTraceId, (await store.GetAsync("trace_1", Cancel))!.RequestTraceId);
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM traces WHERE request_trace_id = $id";
        command.Parameters.AddWithValue("$id", requestTraceId);
        Assert.Equal("trace_1", command.ExecuteScalar());
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
