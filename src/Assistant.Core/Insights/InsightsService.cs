using Assistant.Core.Budgets;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Insights.Data;
using Assistant.Core.Insights.Drift;
using Assistant.Core.Insights.Gaps;
using Assistant.Core.Insights.Kpis;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Insights;

/// <summary>
/// Builds the dashboard's report: reads the period and the one before it in one query per table, then computes each
/// KPI for the period, the previous period and every day, the drift checks, content gaps and feedback categories,
/// and the budgets' burn in their current periods (when the budgets feature is registered).
/// </summary>
public sealed class InsightsService(
    IInsightsSource source, IEligibleAccounts accounts, DriftAnalyzer drift, ContentGapFinder gaps, IOptions<InsightsOptions> options,
    BudgetAdministration? budgets = null, ITriageStore? triage = null)
{
    public async Task<InsightsReport> BuildAsync(InsightsRange range, CancellationToken cancellationToken = default)
    {
        var previousRange = range.Previous;
        var both = new InsightsWindow(await source.ReadAsync(previousRange.Start, range.End, cancellationToken), accounts.UserIds);
        var current = both.Slice(range.Start, range.End);
        var previous = both.Slice(previousRange.Start, previousRange.End);
        return new InsightsReport(
            range.From, range.To, previousRange.From, previousRange.To,
            Totals(current),
            KpiCatalog.All.Select(kpi => Compute(kpi, range, current, previous)).ToList(),
            drift.Analyze(current, previous, previousRange),
            gaps.Find(current, options.Value.ContentGaps),
            FeedbackByCategory(current),
            await BudgetBurn.ReadAsync(budgets, cancellationToken),
            await FeedbackByCauseAsync(triage, cancellationToken));
    }

    private static KpiResult Compute(KpiDefinition kpi, InsightsRange range, InsightsWindow current, InsightsWindow previous)
    {
        var value = kpi.Compute(current);
        var before = kpi.Compute(previous);
        var trend = range.Dates
            .Select(day => new TrendPoint(day, kpi.Compute(current.Slice(Midnight(day), Midnight(day.AddDays(1))))))
            .ToList();
        return new KpiResult(kpi.Id, kpi.Name, kpi.Unit, value, KpiUnit.Format(kpi.Unit, value), kpi.Detail?.Invoke(current), before,
            kpi.Rule.Evaluate(value, before), kpi.TargetEnvelope, kpi.Rule.Text, kpi.Definition, kpi.Computation, trend);
    }

    private static InsightsTotals Totals(InsightsWindow window) => new(
        window.Answers.Count,
        window.Questions.Count(),
        window.Conversations.Count,
        window.Data.Handoffs.Count,
        window.Data.Actions.Count,
        window.Data.Feedback.Count(f => f.Rating == FeedbackRating.Up),
        window.Data.Feedback.Count(f => f.Rating == FeedbackRating.Down));

    private static IReadOnlyList<CategoryCount> FeedbackByCategory(InsightsWindow window) => FeedbackCategory.All
        .Select(category => new CategoryCount(category.Id, category.Label,
            window.Data.Feedback.Count(f => f.Rating == FeedbackRating.Down && f.Categories.Contains(category.Id))))
        .ToList();

    private static async Task<IReadOnlyList<CategoryCount>> FeedbackByCauseAsync(ITriageStore? triage, CancellationToken cancellationToken)
    {
        if (triage is null)
        {
            return [];
        }
        var counts = await triage.CountByCauseAsync(cancellationToken);
        return [
            new CategoryCount("untriaged", "Not triaged yet", counts.FirstOrDefault(c => c.Cause is null)?.Count ?? 0),
            .. TriageCause.All.Select(cause => new CategoryCount(cause.Id, cause.Label, counts.FirstOrDefault(c => c.Cause == cause.Id)?.Count ?? 0)),
        ];
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
