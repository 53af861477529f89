using System.Text;
using System.Text.Json;
using Assistant.Core.Audit;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Assistant.Core.Tests.Audit;

public abstract class AuditLogTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IAuditLog Log => field ??= NewLog();

    private IAuditLog NewLog() => Database.Pick<IAuditLog>(sqlite => new SqliteAuditLog(sqlite), postgres => new PostgresAuditLog(postgres));

    private IAuditLog OtherReplica() => Database.OtherReplica<IAuditLog>(sqlite => new SqliteAuditLog(sqlite), postgres => new PostgresAuditLog(postgres));

    private static AuditRecord Record(string actor = "alice", string @event = AuditEvent.Proposed, string tool = "change_plan",
        string? actionId = "action_1", string outcome = "ok", string? detail = null) =>
        new(actor, "support-agent", @event, tool, outcome, actionId, ArgumentsHash.Compute("""{"plan":"business"}"""), detail);

    [Fact]
    public async Task Append_assigns_id_sequence_and_time_and_list_returns_it()
    {
        // PostgreSQL keeps microseconds; cutting both ends the same way keeps the order.
        var before = PostgresTime.Truncate(DateTimeOffset.UtcNow);
        var entry = await Log.AppendAsync(Record(detail: "Plan: Team → Business"), Cancel);

        Assert.StartsWith("audit_", entry.Id);
        Assert.True(entry.Sequence > 0);
        Assert.InRange(entry.At, before, DateTimeOffset.UtcNow);
        Assert.Equal(("alice", "support-agent", AuditEvent.Proposed, "change_plan", "action_1", "ok", "Plan: Team → Business"),
            (entry.Actor, entry.Role, entry.Event, entry.Tool, entry.ActionId, entry.Outcome, entry.Detail));
        Assert.Equal(entry, Assert.Single(await Log.ListAsync(new AuditQuery(), Cancel)));
    }

    [Fact]
    public async Task List_filters_by_each_field_newest_first()
    {
        var proposed = await Log.AppendAsync(Record(), Cancel);
        var confirmed = await Log.AppendAsync(Record(@event: AuditEvent.Confirmed), Cancel);
        var denied = await Log.AppendAsync(Record(actor: "bob", @event: AuditEvent.PermissionDenied, tool: "refund", actionId: null, outcome: "refused"), Cancel);
        var executed = await Log.AppendAsync(Record(actor: AuditRecord.SystemActor, @event: AuditEvent.Executed, actionId: "action_2"), Cancel);

        async Task<IEnumerable<string>> Ids(AuditQuery query) => (await Log.ListAsync(query, Cancel)).Select(entry => entry.Id);

        Assert.Equal([executed.Id, denied.Id, confirmed.Id, proposed.Id], await Ids(new AuditQuery()));
        Assert.Equal([confirmed.Id, proposed.Id], await Ids(new AuditQuery(Actor: "alice")));
        Assert.Equal([denied.Id], await Ids(new AuditQuery(Tool: "refund")));
        Assert.Equal([confirmed.Id], await Ids(new AuditQuery(Event: AuditEvent.Confirmed)));
        Assert.Equal([executed.Id], await Ids(new AuditQuery(ActionId: "action_2")));
        Assert.Equal([confirmed.Id, proposed.Id], await Ids(new AuditQuery(Tool: "change_plan", ActionId: "action_1")));
        Assert.Equal([executed.Id, denied.Id], await Ids(new AuditQuery(Limit: 2)));
        Assert.Empty(await Ids(new AuditQuery(Actor: "carol")));
    }

    [Fact]
    public async Task List_filters_by_time_from_inclusive_to_exclusive()
    {
        var first = await Log.AppendAsync(Record(), Cancel);
        await Task.Delay(5, Cancel);
        var second = await Log.AppendAsync(Record(), Cancel);
        await Task.Delay(5, Cancel);
        var third = await Log.AppendAsync(Record(), Cancel);

        async Task<IEnumerable<string>> Ids(AuditQuery query) => (await Log.ListAsync(query, Cancel)).Select(entry => entry.Id);

        Assert.Equal([third.Id, second.Id], await Ids(new AuditQuery(From: second.At)));
        Assert.Equal([second.Id, first.Id], await Ids(new AuditQuery(To: third.At)));
        Assert.Equal([second.Id], await Ids(new AuditQuery(From: second.At, To: third.At)));
        // A non-UTC offset names the same instant.
        Assert.Equal([second.Id], await Ids(new AuditQuery(From: second.At.ToOffset(TimeSpan.FromHours(2)), To: third.At.ToOffset(TimeSpan.FromHours(-5)))));
    }

    [Fact]
    public async Task List_limit_must_be_between_1_and_1000()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ListAsync(new AuditQuery(Limit: 0), Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ListAsync(new AuditQuery(Limit: 1_001), Cancel));
        Assert.Empty(await Log.ListAsync(new AuditQuery(Limit: 1_000), Cancel));
    }

    [Fact]
    public async Task Invalid_records_are_refused_and_long_details_are_cut()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync(Record(@event: "edited"), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync(Record(actor: " "), Cancel));
        Assert.Empty(await Log.ListAsync(new AuditQuery(), Cancel));

        var entry = await Log.AppendAsync(Record(@event: AuditEvent.Failed, outcome: "error", detail: new string('x', 5_000)), Cancel);

        Assert.Equal(AuditRecord.MaxDetailLength, entry.Detail!.Length);
        Assert.Equal(entry.Detail, (await Log.ListAsync(new AuditQuery(), Cancel))[0].Detail);
    }

    [Fact]
    public async Task Concurrent_appends_get_strictly_increasing_sequences_without_gaps()
    {
        var entries = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => Log.AppendAsync(Record(actionId: $"action_{i}"), Cancel), Cancel)));

        var sequences = entries.Select(entry => entry.Sequence).Order().ToArray();
        Assert.Equal(50, sequences.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => sequences[0] + i), sequences);

        var stored = (await Log.ListAsync(new AuditQuery(), Cancel)).Reverse().ToArray();
        Assert.Equal(sequences, stored.Select(entry => entry.Sequence));
        // Times follow the sequence because the clock is read under the write lock.
        Assert.All(stored.Zip(stored.Skip(1)), pair => Assert.True(pair.First.At <= pair.Second.At));
    }

    [Fact]
    public async Task Export_writes_one_camel_case_json_object_per_line_oldest_first()
    {
        var appended = new List<AuditEntry>();
        for (var i = 0; i < 3; i++)
        {
            appended.Add(await Log.AppendAsync(Record(actionId: $"action_{i}", detail: i == 1 ? "line one\nline two" : null), Cancel));
        }
        await Log.AppendAsync(Record(tool: "refund"), Cancel);

        using var destination = new MemoryStream();
        await Log.ExportJsonlAsync(destination, new AuditQuery(Tool: "change_plan", Limit: 1), Cancel);

        var text = Encoding.UTF8.GetString(destination.ToArray());
        Assert.EndsWith("\n", text);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            Assert.Equal(appended[i].Sequence, root.GetProperty("sequence").GetInt64());
            Assert.Equal(appended[i].Id, root.GetProperty("id").GetString());
            Assert.Equal(appended[i].ActionId, root.GetProperty("actionId").GetString());
            Assert.Equal(appended[i].ArgumentsHash, root.GetProperty("argumentsHash").GetString());
            Assert.Equal(appended[i].At, root.GetProperty("at").GetDateTimeOffset());
            Assert.Equal(appended[i], JsonSerializer.Deserialize<AuditEntry>(lines[i], StoredJsonOptions.Default));
        }
    }

    [Fact]
    public async Task The_database_refuses_raw_update_and_delete()
    {
        await Log.AppendAsync(Record(), Cancel);
        await Log.AppendAsync(Record(@event: AuditEvent.Executed), Cancel);
        var before = await Log.ListAsync(new AuditQuery(), Cancel);

        foreach (var sql in new[] { "UPDATE audit_log SET outcome = 'error', actor = 'mallory'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            if (Provider == StorageProvider.Sqlite && sql.StartsWith("TRUNCATE", StringComparison.Ordinal))
            {
                continue; // SQLite has no TRUNCATE; its DELETE trigger covers an unfiltered DELETE.
            }
            var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteRawAsync(sql));
            Assert.Contains("append-only", error.Message);
        }

        Assert.Equal(before, await Log.ListAsync(new AuditQuery(), Cancel));
    }

    [Fact]
    public async Task A_write_probe_leaves_no_entry_and_no_gap_in_the_sequence()
    {
        var first = await Log.AppendAsync(Record(), Cancel);

        await Log.ProbeWriteAsync(Cancel);
        await Log.ProbeWriteAsync(Cancel);
        var second = await Log.AppendAsync(Record(), Cancel);

        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal([second.Id, first.Id], (await Log.ListAsync(new AuditQuery(), Cancel)).Select(entry => entry.Id));
    }

    [Fact]
    public void The_interface_offers_no_way_to_change_or_remove_entries()
    {
        var names = typeof(IAuditLog).GetMethods().Select(method => method.Name).ToArray();

        Assert.DoesNotContain(names, name =>
            name.StartsWith("Update", StringComparison.Ordinal)
            || name.StartsWith("Delete", StringComparison.Ordinal)
            || name.StartsWith("Remove", StringComparison.Ordinal));
        // ProbeWriteAsync writes nothing that stays: its test entry is rolled back (the launch checklist's audit check).
        Assert.Equal(["AppendAsync", "ExportJsonlAsync", "ListAsync", "ProbeWriteAsync"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_replicas_appending_at_once_number_entries_without_gaps_and_times_follow_the_sequence()
    {
        var replicas = new[] { Log, OtherReplica() };

        var entries = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => replicas[i % 2].AppendAsync(Record(actionId: $"action_{i}"), Cancel), Cancel)));

        var sequences = entries.Select(entry => entry.Sequence).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), sequences);
        var stored = (await replicas[1].ListAsync(new AuditQuery(), Cancel)).Reverse().ToArray();
        Assert.Equal(entries.OrderBy(entry => entry.Sequence), stored);
        Assert.All(stored.Zip(stored.Skip(1)), pair => Assert.True(pair.First.At <= pair.Second.At));
    }

    /// <summary>SQL run past the store, as someone with a database shell would.</summary>
    private async Task ExecuteRawAsync(string sql)
    {
        if (Provider == StorageProvider.PostgreSQL)
        {
            await using var connection = await Database.Postgres!.DataSource.OpenConnectionAsync(Cancel);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(Cancel);
            return;
        }
        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database.Sqlite!.Path }.ToString());
        await sqlite.OpenAsync(Cancel);
        await using var raw = sqlite.CreateCommand();
        raw.CommandText = sql;
        await raw.ExecuteNonQueryAsync(Cancel);
    }

    public sealed class OnSqlite() : AuditLogTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : AuditLogTests(StorageProvider.PostgreSQL);
}
