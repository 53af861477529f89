using System.Globalization;

namespace Assistant.Core.Insights.Kpis;

/// <summary>How a KPI's value is read and shown. Values are stored raw (a share as 0..1, latency in ms, cost in USD).</summary>
public static class KpiUnit
{
    public const string Share = "share";
    public const string PerConversation = "per-conversation";
    public const string PerThousand = "per-1000-answers";
    public const string Milliseconds = "ms";
    public const string Usd = "usd";

    public static string Format(string unit, double? value) => value is not { } v ? "no data" : unit switch
    {
        Share => Percent(v),
        PerConversation => v.ToString("0.00", CultureInfo.InvariantCulture),
        PerThousand => v.ToString("0.#", CultureInfo.InvariantCulture) + " ‰",
        Milliseconds => Millis(v),
        Usd => Dollars(v),
        _ => v.ToString("0.###", CultureInfo.InvariantCulture),
    };

    public static string Percent(double v) => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Millis(double v) => v >= 1_000
        ? (v / 1_000).ToString("0.0#", CultureInfo.InvariantCulture) + " s"
        : v.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Dollars(double v) => "$" + v.ToString(v < 0.01 && v > 0 ? "0.0000" : "0.00", CultureInfo.InvariantCulture);
}
