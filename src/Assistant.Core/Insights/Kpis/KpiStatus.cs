namespace Assistant.Core.Insights.Kpis;

/// <summary>Where a measure stands against its target envelope (or a drift signal against its alert rule).</summary>
public enum KpiStatus
{
    /// <summary>Nothing to compute from in the period.</summary>
    NoData,
    Ok,
    Watch,
    Alert,
}
