extern alias cli;

using cli::Assistant.Cli.Benchmarks.ScaleOut;
using Xunit;

namespace Assistant.Web.Tests.Cli.ScaleOut;

/// <summary>The PostgreSQL cost of a run, read from the server's own counters around the measured time.</summary>
public sealed class DatabaseActivityTests
{
    [Fact]
    public async Task Answers_written_between_two_readings_show_as_rows_and_wal_per_answer()
    {
        await using var database = await SeededRunDatabase.CreateAsync();
        var before = await DatabaseActivity.ReadAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        for (var i = 0; i < 5; i++)
        {
            await database.ExchangeAsync($"question {i}");
        }
        // The statistics collector publishes a backend's counters when its transaction ends; give it a moment.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        var after = await DatabaseActivity.ReadAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        var activity = DatabaseActivity.Between(before, after, 10, answers: 5);

        // Each exchange stores a conversation and its two messages: at least three rows an answer.
        Assert.True(activity.RowsInsertedPerAnswer >= 3, $"{activity.RowsInsertedPerAnswer} rows inserted per answer");
        Assert.True(activity.WalBytesPerAnswer > 0);
        Assert.True(activity.Transactions >= 5);
        Assert.True(activity.DatabaseBytes > 0);
    }

    [Fact]
    public void Per_answer_figures_divide_the_differences_by_the_answers()
    {
        var before = new DatabaseActivity.Counters(100, 1_000, 10, 4_096, 1);
        var after = new DatabaseActivity.Counters(1_100, 5_000, 210, 4_096 + 400 * 1024, 2);

        var activity = DatabaseActivity.Between(before, after, 60, answers: 100);

        Assert.Equal(10, activity.TransactionsPerAnswer);
        Assert.Equal(40, activity.RowsInsertedPerAnswer);
        Assert.Equal(2, activity.RowsUpdatedPerAnswer);
        Assert.Equal(4_096, activity.WalBytesPerAnswer);
        Assert.Equal(2, activity.DatabaseBytes);
    }
}
