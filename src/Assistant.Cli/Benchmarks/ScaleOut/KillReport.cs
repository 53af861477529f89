namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// When a replica was killed (seconds on the run's clock) and how long the gateway took to stop routing to it.
/// </summary>
/// <param name="EjectedAfterSeconds">Until the gateway's /healthz said the replica was no longer available (null: it never did while watched).</param>
/// <param name="LastRoutedAfterSeconds">
/// Until the last request the gateway sent to it (its attempts counter on /metrics last grew), to the nearest poll;
/// 0 when nothing reached it after the kill.
/// </param>
/// <param name="SettledAfterSeconds">The later of the two: from then on it got nothing. The target is 5 s.</param>
internal sealed record KillReport(
    string Replica,
    double KilledAtSeconds,
    double? EjectedAfterSeconds,
    double LastRoutedAfterSeconds,
    double SettledAfterSeconds,
    double PollSeconds)
{
    public const double TargetSeconds = 5;

    public double SettledAtSeconds => KilledAtSeconds + SettledAfterSeconds;
}
