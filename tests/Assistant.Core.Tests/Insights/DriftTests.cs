using Assistant.Core.Insights;
using Assistant.Core.Insights.Data;
using Assistant.Core.Insights.Drift;
using Assistant.Core.Insights.Kpis;
using Microsoft.Extensions.Options;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Insights;

public abstract class DriftTests(StorageProvider provider) : StoreContractTests(provider)
{
    private static readonly DateOnly Today = InsightsSeed.Today;

    private InsightsSeed Seed => field ??= new InsightsSeed(Database);

    private async Task AskAsync(string prefix, DateOnly day, int count, string question, string outcome = OutcomeNames.Answered, double score = 0.9)
    {
        for (var i = 0; i < count; i++)
        {
            await Seed.AnswerAsync($"{prefix}{i}", day, "alice", $"c-{prefix}{i}", outcome, question, passages: ("billing/refunds", score));
        }
    }

    private async Task<DriftReport> DriftAsync() =>
        (await Seed.Service("alice").BuildAsync(InsightsRange.LastDays(Today), Cancel)).Drift;

    [Fact]
    public async Task A_new_topic_taking_over_the_questions_raises_a_query_mix_alert_and_the_same_mix_stays_ok()
    {
        await AskAsync("ref", Today.AddDays(-10), 12, "How do I get a refund for my invoice?");
        await AskAsync("same", Today.AddDays(-1), 12, "How do I get a refund for my invoice?");

        var same = Assert.Single((await DriftAsync()).Checks, c => c.Id == DriftThresholds.QueryMixId);
        await AskAsync("new", Today, 40, "Does the Salesforce connector sync custom objects?");
        var shifted = Assert.Single((await DriftAsync()).Checks, c => c.Id == DriftThresholds.QueryMixId);

        Assert.Equal(0, same.Current!.Value, 9);
        Assert.Equal(KpiStatus.Ok, same.Status);
        Assert.True(shifted.Current > DriftThresholds.QueryMixAlert, $"divergence {shifted.Current}");
        Assert.Equal(KpiStatus.Alert, shifted.Status);
    }

    [Fact]
    public async Task Too_few_questions_are_not_judged()
    {
        await AskAsync("ref", Today.AddDays(-10), 3, "How do I get a refund?");
        await AskAsync("now", Today, 3, "Does the Salesforce connector sync?");

        var check = Assert.Single((await DriftAsync()).Checks, c => c.Id == DriftThresholds.QueryMixId);

        Assert.Equal(1, check.Current!.Value, 9);
        Assert.Equal(KpiStatus.NoData, check.Status);
    }

    [Fact]
    public async Task Falling_top_scores_and_rising_abstention_are_flagged_against_the_reference()
    {
        await AskAsync("ref", Today.AddDays(-10), 10, "refund", score: 1.0);
        await AskAsync("now", Today, 6, "refund", score: 0.6);
        await AskAsync("dec", Today, 4, "refund", OutcomeNames.Abstained, score: 0.6);

        var drift = await DriftAsync();

        var scores = Assert.Single(drift.Checks, c => c.Id == DriftThresholds.TopScoreId);
        Assert.Equal((0.6, 1.0), (scores.Current, scores.Reference));
        Assert.Equal(KpiStatus.Alert, scores.Status);
        var abstention = Assert.Single(drift.Checks, c => c.Id == DriftThresholds.AbstentionId);
        Assert.Equal((0.4, 0.0), (abstention.Current, abstention.Reference));
        Assert.Equal(KpiStatus.Alert, abstention.Status);
        Assert.Equal(10, drift.TopScores.Count);
        Assert.Equal(10, drift.TopScores[^1].Reference);
        Assert.Equal(10, drift.TopScores.Sum(b => b.Current));
    }

    [Fact]
    public async Task The_drift_signal_holds_the_divergence_of_the_last_window_against_the_one_before()
    {
        var time = new ManualClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero));
        var signal = new DriftSignal(Seed.Source, new DriftAnalyzer(InsightsSeed.Analyzer), Options.Create(new InsightsOptions { DriftWindowDays = 7 }), time);
        await Seed.AnswerAsync("a", Today.AddDays(-10), "alice", "c1", OutcomeNames.Answered, "refund invoice");
        await Seed.AnswerAsync("b", Today, "alice", "c2", OutcomeNames.Answered, "refund");

        Assert.Null(signal.Divergence);
        await signal.RefreshAsync(Cancel);

        // P = {refund: 1}, Q = {refund: ½, invoic: ½}: the hand-computed 0.3112781 bits of JensenShannonTests.
        Assert.Equal(0.3112781, signal.Divergence!.Value, 6);
    }

    public sealed class OnSqlite() : DriftTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : DriftTests(StorageProvider.PostgreSQL);
}
