namespace Assistant.Core.Insights.Kpis;

/// <summary>One KPI: what it means, how it is computed, the guide's target envelope and the rule that gives its status.</summary>
public sealed record KpiDefinition(
    string Id,
    string Name,
    string Unit,
    string Definition,
    string Computation,
    string TargetEnvelope,
    KpiRule Rule,
    Func<InsightsWindow, double?> Compute,
    Func<InsightsWindow, string?>? Detail = null);
