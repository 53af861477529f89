using Assistant.Core.Storage;
using Assistant.Core.Tracing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Storage;

public sealed class StoreSchemaTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-schema-").FullName;

    private string DatabasePath => Path.Combine(_root, "assistant.db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_store_first_used_while_another_process_holds_the_write_lock_fails_busy_then_works_once_the_lock_is_released()
    {
        var store = new SqliteTraceStore(new SqliteDatabase(DatabasePath, busyTimeoutSeconds: 1));
        await using (var holder = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync(Cancel);
            await using var hold = holder.CreateCommand();
            hold.CommandText = "PRAGMA journal_mode = WAL; BEGIN IMMEDIATE; CREATE TABLE other_process(id INTEGER);";
            await hold.ExecuteNonQueryAsync(Cancel);

            var busy = await Assert.ThrowsAsync<SqliteException>(() => store.WriteAsync(Trace("trace_1"), Cancel));
            Assert.Equal(5, busy.SqliteErrorCode);
        }

        await store.WriteAsync(Trace("trace_2"), Cancel);

        Assert.Equal("How long is the refund window?", (await store.GetAsync("trace_2", Cancel))?.Question);
    }

    private static AnswerTrace Trace(string id) => new(
        id, "conv_1", "alice", "How long is the refund window?", "refund window", [], "answer-v1", "extractive", null,
        10, 5, "bpe:o200k_base", 0m, new StageLatency(0, 1, 1, 1, 3), 0.8, new VerificationSummary(1, 1, 0, 0),
        "Answered", null, DateTimeOffset.UtcNow);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
