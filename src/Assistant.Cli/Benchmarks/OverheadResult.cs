namespace Assistant.Cli.Benchmarks;

/// <summary>
/// One run of bench overhead: the same questions, interleaved, against a host with the controls on and one with them
/// off. <see cref="P95AddedMs"/> is the headline (target at most 2 ms); <see cref="MedianPairedDifferenceMs"/> is the
/// median of the per-question differences, less sensitive to a noisy machine.
/// </summary>
internal sealed record OverheadResult(
    string Machine,
    string? LoadAverage,
    string Knowledge,
    IReadOnlyList<string> Toggled,
    IReadOnlyDictionary<string, string> Settings,
    int Questions,
    int Errors,
    LatencyStats OnMs,
    LatencyStats OffMs,
    double P95AddedMs,
    double P50AddedMs,
    double MedianPairedDifferenceMs,
    double TargetMs)
{
    public bool WithinTarget => P95AddedMs <= TargetMs;
}
