namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// The requests the kill cost, by how: in flight on the killed replica when it died (they started before the kill
/// and ended with a gateway or transport failure after it), or sent to it after it died, before the gateway took it
/// out. Share is of every request in the run; the target is at most 1 %.
/// </summary>
internal sealed record KillFailures(int InFlight, int RoutedToDeadReplica, int OtherErrorsDuringKill, int RunRequests, double SharePercent)
{
    public const double TargetPercent = 1.0;

    public static KillFailures Of(IReadOnlyList<RequestRecord> records, double killedAt, double settledAt)
    {
        var inFlight = records.Count(r => r.IsTransportFailure && r.Start < killedAt && r.End >= killedAt);
        var routedToDead = records.Count(r => r.IsTransportFailure && r.Start >= killedAt && r.Start < settledAt);
        var other = records.Count(r => !r.Ok && !r.IsTransportFailure && r.End >= killedAt && r.End < settledAt);
        var share = records.Count == 0 ? 0 : Math.Round(100.0 * (inFlight + routedToDead) / records.Count, 3);
        return new KillFailures(inFlight, routedToDead, other, records.Count, share);
    }
}
