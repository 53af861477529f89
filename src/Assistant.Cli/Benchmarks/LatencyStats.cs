namespace Assistant.Cli.Benchmarks;

internal sealed record LatencyStats(double P50, double P95, double P99, double Mean)
{
    /// <summary>Nearest-rank percentiles over milliseconds.</summary>
    public static LatencyStats Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.OrderBy(ms => ms).ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(Round(Percentile(0.50)), Round(Percentile(0.95)), Round(Percentile(0.99)), Round(sorted.DefaultIfEmpty().Average()));
    }

    private static double Round(double value) => Math.Round(value, 3);
}
