using Assistant.Core.Insights;
using Assistant.Core.Insights.Data;
using Assistant.Core.Insights.Kpis;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Assistant.Core.Tests.Insights;

public abstract class InsightsSourceTests(StorageProvider provider) : StoreContractTests(provider)
{
    private InsightsSeed Seed => field ??= new InsightsSeed(Database);

    [Fact]
    public async Task A_database_no_store_has_written_to_reads_as_no_data_without_creating_tables()
    {
        var report = await Seed.Service("alice").BuildAsync(InsightsRange.LastDays(InsightsSeed.Today), Cancel);

        // Nobody asked, so adoption is a real 0 %; every rate over answers has nothing to divide by.
        Assert.Equal(0, Assert.Single(report.Kpis, kpi => kpi.Id == "adoption").Value);
        Assert.All(report.Kpis.Where(kpi => kpi.Id != "adoption"), kpi => Assert.Equal(KpiStatus.NoData, kpi.Status));
        Assert.Empty(report.ContentGaps);
        Assert.Empty(await Database.Pick(SqliteTablesAsync, PostgresTablesAsync));
    }

    [Fact]
    public async Task Feedback_counts_in_the_period_of_the_answer_it_rates()
    {
        await Seed.AnswerAsync("before", InsightsSeed.Today.AddDays(-8), "alice", "c1", OutcomeNames.Answered);
        await Seed.AnswerAsync("now", InsightsSeed.Today, "alice", "c2", OutcomeNames.Answered);
        await Seed.RateAsync("before", "alice", "down", "outdated");

        var now = await Seed.Source.ReadAsync(InsightsRange.LastDays(InsightsSeed.Today).Start, InsightsRange.LastDays(InsightsSeed.Today).End, Cancel);

        Assert.Equal(["now"], now.Answers.Select(a => a.TraceId));
        Assert.Empty(now.Feedback);
    }

    [Fact]
    public async Task A_period_holds_what_happened_from_its_first_utc_instant_up_to_but_not_at_its_end()
    {
        var day = new DateTimeOffset(InsightsSeed.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await Seed.AnswerAsync("inside", InsightsSeed.Today, "alice", "c1", OutcomeNames.Answered);
        await Seed.RateAsync("inside", "alice", "down", "outdated");
        await Seed.HandOffAsync("c1");
        await Seed.ActionAsync("a1", InsightsSeed.Today, "executed");

        // The same calendar day in UTC+14 starts and ends 14 hours earlier: noon UTC is outside it.
        var utcPlus14 = new DateTimeOffset(day.DateTime, TimeSpan.FromHours(14));
        var utc = await Seed.Source.ReadAsync(day, day.AddDays(1), Cancel);
        var shifted = await Seed.Source.ReadAsync(utcPlus14, utcPlus14.AddDays(1), Cancel);
        var tomorrow = await Seed.Source.ReadAsync(day.AddDays(1), day.AddDays(2), Cancel);

        Assert.Equal("inside", Assert.Single(utc.Answers).TraceId);
        Assert.Equal((1, 1), (utc.Feedback.Count, utc.Actions.Count));
        Assert.Equal(TimeSpan.Zero, utc.Answers[0].CreatedAt.Offset);
        Assert.Equal(TimeSpan.Zero, Assert.Single(utc.Actions).CreatedAt.Offset);
        Assert.Equal((0, 0, 0), (shifted.Answers.Count, shifted.Feedback.Count, shifted.Actions.Count));
        Assert.Equal((0, 0, 0, 0), (tomorrow.Answers.Count, tomorrow.Feedback.Count, tomorrow.Handoffs.Count, tomorrow.Actions.Count));
    }

    [Theory]
    [InlineData(nameof(InsightsQueries.Answers), "ix_traces_created")]
    [InlineData(nameof(InsightsQueries.Feedback), "ix_traces_created")]
    [InlineData(nameof(InsightsQueries.Handoffs), "ix_handoffs_created")]
    [InlineData(nameof(InsightsQueries.Actions), "ix_pending_actions_created")]
    public async Task Each_period_query_reads_through_a_time_index(string query, string index)
    {
        await Seed.AnswerAsync("t", InsightsSeed.Today, "alice", "c1", OutcomeNames.Answered);
        await Seed.RateAsync("t", "alice", "up");
        await Seed.HandOffAsync("c1");
        await Seed.ActionAsync("a", InsightsSeed.Today, "executed");

        var plan = await Database.Pick(sqlite => SqlitePlanAsync(sqlite, query), postgres => PostgresPlanAsync(postgres, query));

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
    }

    private static async Task<List<string>> SqlitePlanAsync(SqliteDatabase database, string query)
    {
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + typeof(InsightsQueries).GetField(query)!.GetRawConstantValue();
        command.Parameters.AddWithValue("$from", "2026-01-01");
        command.Parameters.AddWithValue("$to", "2027-01-01");
        return await ReadColumnAsync(command, 3);
    }

    private static async Task<List<string>> PostgresPlanAsync(PostgresDatabase database, string query)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(Cancel);
        // The test tables hold a row or two, where a sequential scan is cheapest; forbidding it shows whether an index
        // can serve the query at all, which is what a week's dashboard over a large table needs.
        await using (var setting = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await setting.ExecuteNonQueryAsync(Cancel);
        }
        await using var command = new NpgsqlCommand("EXPLAIN " + typeof(PostgresInsightsQueries).GetField(query)!.GetRawConstantValue(), connection);
        command.Parameters.AddWithValue("from", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        command.Parameters.AddWithValue("to", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return await ReadColumnAsync(command, 0);
    }

    private static async Task<List<string>> SqliteTablesAsync(SqliteDatabase database)
    {
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        return await ReadColumnAsync(command, 0);
    }

    private static async Task<List<string>> PostgresTablesAsync(PostgresDatabase database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()", connection);
        return await ReadColumnAsync(command, 0);
    }

    private static async Task<List<string>> ReadColumnAsync(System.Data.Common.DbCommand command, int column)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            values.Add(reader.GetString(column));
        }
        return values;
    }

    public sealed class OnSqlite() : InsightsSourceTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : InsightsSourceTests(StorageProvider.PostgreSQL);
}
