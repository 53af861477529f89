namespace Assistant.Core.Evaluation.Release;

/// <summary>
/// The mean of a metric over repeated runs and its 95 % confidence interval (Student's t, since runs are few).
/// One run has no spread: its interval is the value itself.
/// </summary>
public sealed record MetricInterval(double Mean, double Low, double High, int Runs)
{
    // Two-sided 95 % quantiles of Student's t for 1..10 degrees of freedom; beyond that 1.96 is close enough.
    private static readonly double[] T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

    public static MetricInterval Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("An interval needs at least one value.", nameof(values));
        }
        var mean = values.Average();
        if (values.Count == 1)
        {
            return new MetricInterval(mean, mean, mean, 1);
        }
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        var degrees = values.Count - 1;
        var t = degrees <= T95.Length ? T95[degrees - 1] : 1.96;
        var half = t * Math.Sqrt(variance / values.Count);
        return new MetricInterval(Math.Round(mean, 6), Math.Round(mean - half, 6), Math.Round(mean + half, 6), values.Count);
    }

    public bool Contains(double value) => value >= Low && value <= High;
}
