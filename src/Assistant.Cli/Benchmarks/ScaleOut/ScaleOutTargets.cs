namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>The issue's targets for a run with a kill: nothing lost or doubled, failures only from the kill, routing settled in 5 s.</summary>
internal static class ScaleOutTargets
{
    public static IReadOnlyList<TargetResult> Of(IReadOnlyList<PhaseStats> phases, KillReport? kill, KillFailures? failures, IReadOnlyList<CheckResult> checks)
    {
        var targets = new List<TargetResult>
        {
            new("0 lost writes, 0 duplicate executions (every database check passes)", checks.All(c => c.Passed),
                $"{checks.Count(c => c.Passed)} of {checks.Count} checks pass"),
        };
        var outsideKill = phases.Where(p => p.Name != "during").Sum(p => p.Errors) + (failures?.OtherErrorsDuringKill ?? 0);
        targets.Add(new(kill is null ? "No failed requests" : "No failures but the requests the kill hit", outsideKill == 0,
            $"{outsideKill} {(kill is null ? "" : "other ")}failed requests"));
        if (kill is not null && failures is not null)
        {
            targets.Add(new($"Requests failed by the kill at most {KillFailures.TargetPercent} % of the run", failures.SharePercent <= KillFailures.TargetPercent,
                $"{failures.InFlight + failures.RoutedToDeadReplica} of {failures.RunRequests} ({failures.SharePercent} %)"));
            targets.Add(new($"Gateway stops routing to the killed replica within {KillReport.TargetSeconds} s", kill.SettledAfterSeconds <= KillReport.TargetSeconds,
                $"{kill.SettledAfterSeconds:F1} s (taken out after {(kill.EjectedAfterSeconds is { } e ? $"{e:F1} s" : "never")}, last request sent to it after {kill.LastRoutedAfterSeconds:F1} s)"));
        }
        return targets;
    }
}
