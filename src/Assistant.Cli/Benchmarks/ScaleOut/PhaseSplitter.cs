namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// Cuts a run into phases at the kill and at the moment routing settled (the gateway had taken the killed replica
/// out and sent it nothing more): before, during, after. A run without a kill is one phase, "steady".
/// </summary>
internal static class PhaseSplitter
{
    public static IReadOnlyList<PhaseStats> Split(IReadOnlyList<RequestRecord> records, double endSeconds, double? killedAt, double? settledAt)
    {
        if (killedAt is not { } kill)
        {
            return [Stats("steady", records, 0, endSeconds, last: true)];
        }
        var settled = Math.Clamp(settledAt ?? endSeconds, kill, endSeconds);
        return
        [
            Stats("before", records, 0, kill),
            Stats("during", records, kill, settled),
            Stats("after", records, settled, endSeconds, last: true),
        ];
    }

    /// <summary>
    /// The figures of the requests that ended in [from, to). The last phase also keeps the requests that were in
    /// flight when the users stopped and ended just after: none is left out of the run.
    /// </summary>
    public static PhaseStats Stats(string name, IReadOnlyList<RequestRecord> records, double from, double to, bool last = false)
    {
        var inside = records.Where(r => r.End >= from && (last || r.End < to)).ToList();
        var seconds = Math.Max(to - from, 0);
        var answers = inside.Where(r => r.Ok && r.Kind == RequestRecord.Answer).Select(r => r.LatencyMs).ToList();
        var failed = inside.Where(r => !r.Ok).ToList();
        return new PhaseStats(name, Math.Round(from, 3), Math.Round(seconds, 3),
            answers.Count, PerSecond(answers.Count, seconds), LatencyStats.Of(answers),
            inside.Count, PerSecond(inside.Count, seconds), LatencyStats.Of(inside.Where(r => r.Ok).Select(r => r.LatencyMs).ToList()),
            failed.Count, failed.GroupBy(r => r.ErrorKey).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static double PerSecond(int count, double seconds) => seconds <= 0 ? 0 : Math.Round(count / seconds, 1);
}
