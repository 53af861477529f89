namespace Assistant.Core.Insights.Kpis;

/// <summary>
/// Turns a value (and the previous period's, for "trending down" targets) into a status, with the rule in words for
/// the dashboard and the API.
/// </summary>
public sealed record KpiRule(string Text, Func<double, double?, KpiStatus> Judge)
{
    public KpiStatus Evaluate(double? value, double? previous) => value is { } v ? Judge(v, previous) : KpiStatus.NoData;

    public static KpiRule AtLeast(double ok, double watch, Func<double, string> format) => new(
        $"ok at {format(ok)} or more, watch from {format(watch)}, alert below",
        (value, _) => value >= ok ? KpiStatus.Ok : value >= watch ? KpiStatus.Watch : KpiStatus.Alert);

    public static KpiRule AtMost(double ok, double watch, Func<double, string> format) => new(
        $"ok at {format(ok)} or less, watch up to {format(watch)}, alert above",
        (value, _) => value <= ok ? KpiStatus.Ok : value <= watch ? KpiStatus.Watch : KpiStatus.Alert);

    /// <summary>
    /// For targets that say "stable or falling": against the previous period of the same length, a rise past
    /// <paramref name="watchFactor"/> times is watched and past <paramref name="alertFactor"/> alerts. The
    /// <paramref name="slack"/> keeps a rise from nothing (0 to 1 handoff) from alerting on its own. Without a previous
    /// value there is no trend to judge, so the status is "no data" whatever the value.
    /// </summary>
    public static KpiRule NotRising(double watchFactor, double alertFactor, double slack, Func<double, string> format) => new(
        $"ok when not above the previous period by more than {watchFactor - 1:P0} (or {format(slack)}), alert above {alertFactor - 1:P0} (or {format(slack * 2)})",
        (value, previous) => previous is not { } before ? KpiStatus.NoData
            : value <= Math.Max(before * watchFactor, before + slack) ? KpiStatus.Ok
            : value <= Math.Max(before * alertFactor, before + slack * 2) ? KpiStatus.Watch
            : KpiStatus.Alert);
}
