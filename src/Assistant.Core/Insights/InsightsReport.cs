using Assistant.Core.Insights.Drift;
using Assistant.Core.Insights.Gaps;
using Assistant.Core.Insights.Kpis;

namespace Assistant.Core.Insights;

/// <summary>Everything the dashboard shows for one period; the JSON of GET /api/admin/kpis.</summary>
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
    IReadOnlyList<BudgetBurn> BudgetBurn);
