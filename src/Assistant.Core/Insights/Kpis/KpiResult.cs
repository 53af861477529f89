namespace Assistant.Core.Insights.Kpis;

/// <summary>A KPI over the chosen period: value (raw and formatted), status against its envelope, and its daily trend.</summary>
public sealed record KpiResult(
    string Id,
    string Name,
    string Unit,
    double? Value,
    string Display,
    string? Detail,
    double? Previous,
    KpiStatus Status,
    string TargetEnvelope,
    string StatusRule,
    string Definition,
    string Computation,
    IReadOnlyList<TrendPoint> Trend);
