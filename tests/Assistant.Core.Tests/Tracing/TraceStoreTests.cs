using System.Diagnostics;
using System.Text.Json;
using Assistant.Core.Budgets;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Assistant.Core.Tracing;
using Xunit;

namespace Assistant.Core.Tests.Tracing;

public abstract class TraceStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private ITraceStore Store => field ??= Database.Pick<ITraceStore>(
        sqlite => new SqliteTraceStore(sqlite), postgres => new PostgresTraceStore(postgres));

    [Fact]
    public async Task A_written_trace_reads_back_whole_with_its_budget_release_and_request_trace_id()
    {
        var trace = Trace("trace_1") with
        {
            Passages = [new TracePassage(1, "billing/refunds#0", "billing/refunds", 0.91, 0.8, null)],
            Cost = 0.0123m,
            Budget = new BudgetDecision(BudgetModes.Offline, null, "global-daily"),
            RequestTraceId = ActivityTraceId.CreateRandom().ToHexString(),
            ConfigVersion = "v7",
            ReleaseArm = "candidate",
        };

        await Store.WriteAsync(trace, Cancel);
        var read = await Store.GetAsync("trace_1", Cancel);

        // Compared as JSON: the record holds lists, which record equality compares by reference.
        Assert.Equal(JsonSerializer.Serialize(trace), JsonSerializer.Serialize(read));
        Assert.Null(await Store.GetAsync("trace_missing", Cancel));
    }

    [Fact]
    public async Task A_trace_written_on_one_replica_is_read_on_another()
    {
        var other = Database.OtherReplica<ITraceStore>(sqlite => new SqliteTraceStore(sqlite), postgres => new PostgresTraceStore(postgres));

        await Store.WriteAsync(Trace("trace_1"), Cancel);

        Assert.Equal("Answered", (await other.GetAsync("trace_1", Cancel))!.Outcome);
    }

    [Fact]
    public async Task Writing_a_trace_id_twice_is_refused_and_keeps_the_first()
    {
        await Store.WriteAsync(Trace("trace_1"), Cancel);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Store.WriteAsync(Trace("trace_1") with { Outcome = "Abstained" }, Cancel));

        Assert.Equal("Answered", (await Store.GetAsync("trace_1", Cancel))!.Outcome);
    }

    private static AnswerTrace Trace(string id) => new(id, "conv_1", "alice", "How do refunds work?", "refunds", [], "answer-v2",
        "extractive", "small", 12, 34, "provider", 0m, new StageLatency(1, 2, 3, 4, 10), 0.5, new VerificationSummary(2, 2, 0, 0),
        "Answered", null, new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero).AddTicks(1234567));

    public sealed class OnSqlite() : TraceStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : TraceStoreTests(StorageProvider.PostgreSQL);
}
