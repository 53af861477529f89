using Assistant.Core.Insights;
using Assistant.Core.Insights.Data;
using Assistant.Core.Insights.Kpis;
using Xunit;

namespace Assistant.Core.Tests.Insights;

public sealed class SqliteInsightsSourceTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly InsightsSeed _seed = new();

    [Fact]
    public async Task A_database_no_store_has_written_to_reads_as_no_data_without_creating_tables()
    {
        var report = await _seed.Service("alice").BuildAsync(InsightsRange.LastDays(InsightsSeed.Today), Cancel);

        // Nobody asked, so adoption is a real 0 %; every rate over answers has nothing to divide by.
        Assert.Equal(0, Assert.Single(report.Kpis, kpi => kpi.Id == "adoption").Value);
        Assert.All(report.Kpis.Where(kpi => kpi.Id != "adoption"), kpi => Assert.Equal(KpiStatus.NoData, kpi.Status));
        Assert.Empty(report.ContentGaps);
        Assert.Empty(await TablesAsync());
    }

    [Fact]
    public async Task Feedback_counts_in_the_period_of_the_answer_it_rates()
    {
        await _seed.AnswerAsync("before", InsightsSeed.Today.AddDays(-8), "alice", "c1", OutcomeNames.Answered);
        await _seed.AnswerAsync("now", InsightsSeed.Today, "alice", "c2", OutcomeNames.Answered);
        await _seed.RateAsync("before", "alice", "down", "outdated");

        var now = await _seed.Source.ReadAsync(InsightsRange.LastDays(InsightsSeed.Today).Start, InsightsRange.LastDays(InsightsSeed.Today).End, Cancel);

        Assert.Equal(["now"], now.Answers.Select(a => a.TraceId));
        Assert.Empty(now.Feedback);
    }

    [Theory]
    [InlineData(InsightsQueries.Answers, "ix_traces_created")]
    [InlineData(InsightsQueries.Feedback, "ix_traces_created")]
    [InlineData(InsightsQueries.Handoffs, "ix_handoffs_created")]
    [InlineData(InsightsQueries.Actions, "ix_pending_actions_created")]
    public async Task Each_period_query_reads_through_a_time_index(string sql, string index)
    {
        await _seed.AnswerAsync("t", InsightsSeed.Today, "alice", "c1", OutcomeNames.Answered);
        await _seed.RateAsync("t", "alice", "up");
        await _seed.HandOffAsync("c1");
        await _seed.ActionAsync("a", InsightsSeed.Today, "executed");

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_seed.Database.Path}");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$from", "2026-01-01");
        command.Parameters.AddWithValue("$to", "2027-01-01");
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_seed.Database.Path}");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    public void Dispose() => _seed.Dispose();
}
