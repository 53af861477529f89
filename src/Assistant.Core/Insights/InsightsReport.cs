using Assistant.Core.Insights.Drift;
using Assistant.Core.Insights.Gaps;
using Assistant.Core.Insights.Kpis;

namespace Assistant.Core.Insights;

/// <summary>
/// Everything the dashboard shows for one period; the JSON of GET /api/admin/kpis. <see cref="FeedbackByCause"/> is
/// the triage queue as it stands (all time, not the period): thumbs-down by the root cause an agent named.
/// </summary>
public sealed record InsightsReport(
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    InsightsTotals Totals,
    IReadOnlyList<KpiResult> Kpis,
    DriftReport Drift,
    IReadOnlyList<ContentGap> ContentGaps,
    IReadOnlyList<CategoryCount> FeedbackByCategory,
    IReadOnlyList<BudgetBurn> BudgetBurn,
    IReadOnlyList<CategoryCount> FeedbackByCause);
