using System.Globalization;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>Reads sums out of a Prometheus text exposition (the gateway's /metrics) without a client library.</summary>
internal static class PrometheusText
{
    /// <summary>The sum of every series of <paramref name="metric"/> grouped by the value of <paramref name="label"/>.</summary>
    public static IReadOnlyDictionary<string, double> SumBy(string text, string metric, string label)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric + "{", StringComparison.Ordinal))
            {
                continue;
            }
            var close = line.LastIndexOf('}');
            var labels = line[(metric.Length + 1)..close];
            var marker = label + "=\"";
            var at = labels.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || (at > 0 && labels[at - 1] != ','))
            {
                continue;
            }
            var start = at + marker.Length;
            var key = labels[start..labels.IndexOf('"', start)];
            // "value" or "value timestamp"
            var value = line[(close + 1)..].Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                sums[key] = sums.GetValueOrDefault(key) + number;
            }
        }
        return sums;
    }
}
