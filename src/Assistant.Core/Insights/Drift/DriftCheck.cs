using Assistant.Core.Insights.Kpis;

namespace Assistant.Core.Insights.Drift;

/// <summary>One drift signal: its value in the period and in the reference period, and its status under its alert rule.</summary>
public sealed record DriftCheck(
    string Id,
    string Name,
    double? Current,
    double? Reference,
    string Display,
    KpiStatus Status,
    string Rule,
    string Definition);
