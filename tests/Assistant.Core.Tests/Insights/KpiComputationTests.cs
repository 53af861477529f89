using Assistant.Core.Insights;
using Assistant.Core.Insights.Data;
using Assistant.Core.Insights.Kpis;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Insights;

/// <summary>
/// Every KPI over one hand-built week in a real database (SQLite or PostgreSQL), against values worked out by hand:
/// six replies (five questions, one action card) in three conversations, two ratings down, one handoff, two actions.
/// </summary>
public abstract class KpiComputationTests(StorageProvider provider) : StoreContractTests(provider)
{
    private static readonly DateOnly Today = InsightsSeed.Today;
    private InsightsSeed _seed = null!;
    private InsightsReport _report = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _seed = new InsightsSeed(Database);
        var yesterday = Today.AddDays(-1);
        await _seed.AnswerAsync("t1", yesterday, "alice", "c1", OutcomeNames.Answered, cost: 0.02m, ms: 1_000);
        await _seed.AnswerAsync("t2", yesterday, "alice", "c1", OutcomeNames.Answered, cost: 0.02m, ms: 2_000, removed: 1);
        await _seed.AnswerAsync("t3", Today, "bob", "c2", OutcomeNames.Answered, cost: 0.02m, ms: 3_000);
        await _seed.AnswerAsync("t4", Today, "bob", "c2", OutcomeNames.Abstained, ms: 400);
        await _seed.AnswerAsync("t5", Today, "sam", "c3", OutcomeNames.Answered, cost: 0.02m, ms: 5_000);
        await _seed.AnswerAsync("t6", Today, "alice", "c1", OutcomeNames.ActionRequested, ms: 100);
        await _seed.RateAsync("t1", "alice", "up");
        await _seed.RateAsync("t3", "bob", "down", "wrong-answer");
        await _seed.RateAsync("t5", "sam", "down", "unsafe");
        await _seed.HandOffAsync("c2");
        await _seed.ActionAsync("a1", Today, "executed");
        await _seed.ActionAsync("a2", Today, "rejected");
        // Outside the week: must not count.
        await _seed.AnswerAsync("old", Today.AddDays(-30), "carol", "c9", OutcomeNames.Answered, cost: 5m, ms: 60_000);
        await _seed.RateAsync("old", "carol", "down", "unsafe");

        _report = await _seed.Service("alice", "bob", "carol", "dave").BuildAsync(InsightsRange.LastDays(Today), TestContext.Current.CancellationToken);
    }

    private KpiResult Kpi(string id) => Assert.Single(_report.Kpis, k => k.Id == id);

    [Fact]
    public void Adoption_is_end_users_who_asked_of_all_end_users() => Assert.Equal(2 / 4.0, Kpi("adoption").Value);

    [Fact]
    public void Task_success_is_answers_without_a_thumbs_down_of_all_questions_and_names_the_executed_actions()
    {
        Assert.Equal(2 / 5.0, Kpi("task-success").Value);
        Assert.Equal("actions 50 % executed (1 of 2)", Kpi("task-success").Detail);
    }

    [Fact]
    public void Deflection_is_conversations_without_a_handoff() => Assert.Equal(2 / 3.0, Kpi("deflection").Value);

    [Fact]
    public void Hallucination_counts_removed_sentences_and_wrong_answer_feedback_of_answered_questions() =>
        Assert.Equal(2 / 4.0, Kpi("hallucination").Value);

    [Fact]
    public void Safety_is_replies_flagged_unsafe_of_all_replies() => Assert.Equal(1 / 6.0, Kpi("safety").Value);

    [Fact]
    public void Escalation_is_handoffs_per_conversation() => Assert.Equal(1 / 3.0, Kpi("escalation").Value);

    [Fact]
    public void Report_rate_is_thumbs_down_per_thousand_replies() => Assert.Equal(2 * 1_000 / 6.0, Kpi("report-rate").Value!.Value, 9);

    [Fact]
    public void Latency_is_the_nearest_rank_p95_with_p50_beside_it()
    {
        // Sorted: 100, 400, 1000, 2000, 3000, 5000 ms. P95 is rank ceil(5.7) = 6, P50 rank 3.
        Assert.Equal(5_000, Kpi("latency").Value);
        Assert.Equal("P50 1.0 s", Kpi("latency").Detail);
        Assert.Equal(KpiStatus.Watch, Kpi("latency").Status);
    }

    [Fact]
    public void Cost_per_successful_task_divides_all_cost_by_successful_answers_and_executed_actions() =>
        Assert.Equal(0.08 / 3, Kpi("cost-per-success").Value!.Value, 9);

    [Fact]
    public void The_trend_has_one_point_per_day_and_no_value_on_days_without_questions()
    {
        var trend = Kpi("task-success").Trend;

        Assert.Equal(7, trend.Count);
        Assert.Equal(Today, trend[^1].Date);
        Assert.Equal(1.0, trend[^2].Value);
        Assert.Equal(0.0, trend[^1].Value);
        Assert.All(trend.Take(5), point => Assert.Null(point.Value));
    }

    [Fact]
    public void Statuses_follow_the_target_envelopes()
    {
        Assert.Equal(KpiStatus.Ok, Kpi("adoption").Status);
        Assert.Equal(KpiStatus.Alert, Kpi("task-success").Status);
        Assert.Equal(KpiStatus.Watch, Kpi("deflection").Status);
        Assert.Equal(KpiStatus.Alert, Kpi("hallucination").Status);
        Assert.Equal(KpiStatus.Alert, Kpi("safety").Status);
        Assert.Equal(KpiStatus.Ok, Kpi("cost-per-success").Status);
    }

    [Fact]
    public void Feedback_by_category_and_totals_count_only_the_period()
    {
        Assert.Equal(1, Assert.Single(_report.FeedbackByCategory, c => c.Id == "wrong-answer").Count);
        Assert.Equal(1, Assert.Single(_report.FeedbackByCategory, c => c.Id == "unsafe").Count);
        Assert.Equal(new InsightsTotals(Replies: 6, Questions: 5, Conversations: 3, Handoffs: 1, ActionsProposed: 2, ThumbsUp: 1, ThumbsDown: 2), _report.Totals);
    }

    public sealed class OnSqlite() : KpiComputationTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : KpiComputationTests(StorageProvider.PostgreSQL);
}
