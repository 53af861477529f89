using Spectre.Console;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>The run's figures as lines (a redirected console is 80 columns wide; CI logs keep lines whole).</summary>
internal static class ScaleOutPrinter
{
    public static void Print(ScaleOutRunResult run)
    {
        AnsiConsole.MarkupLine($"[bold]{run.Replicas} replica{(run.Replicas == 1 ? "" : "s")}[/]");
        if (run.Error is not null)
        {
            AnsiConsole.MarkupLine($"  [red]failed: {Markup.Escape(run.Error)}[/]");
            return;
        }
        foreach (var phase in run.Phases.Append(run.Total))
        {
            AnsiConsole.MarkupLine($"  {phase.Name,-6} {phase.StartSeconds,6:F1}s +{phase.Seconds,5:F1}s: {phase.AnswersPerSecond,6:F1} answers/s " +
                $"(P50 {phase.AnswerLatencyMs.P50:F0} / P95 {phase.AnswerLatencyMs.P95:F0} / P99 {phase.AnswerLatencyMs.P99:F0} ms), " +
                $"{phase.RequestsPerSecond:F1} requests/s, {phase.Errors} errors" +
                (phase.ErrorsByKind.Count == 0 ? "" : $" ({Markup.Escape(string.Join(", ", phase.ErrorsByKind.Select(e => $"{e.Key}: {e.Value}")))})"));
        }
        if (run.Kill is { } kill && run.KillFailures is { } failures)
        {
            AnsiConsole.MarkupLine($"  kill: {kill.Replica} at {kill.KilledAtSeconds:F1}s; taken out after {(kill.EjectedAfterSeconds is { } e ? $"{e:F1}s" : "never")}, " +
                $"last request sent to it after {kill.LastRoutedAfterSeconds:F1}s; {failures.InFlight} in flight and {failures.RoutedToDeadReplica} sent to it failed " +
                $"({failures.SharePercent:F2} % of {failures.RunRequests:N0} requests)");
        }
        if (run.Timeline is { } timeline)
        {
            AnsiConsole.MarkupLine($"  answers per 5 s: {string.Join(' ', timeline.Answers.Chunk(5).Select(c => c.Sum()))}; failures per 5 s: {string.Join(' ', timeline.Errors.Chunk(5).Select(c => c.Sum()))}");
        }
        AnsiConsole.MarkupLine($"  requests per replica: {string.Join(", ", run.RequestsByReplica.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}"))}");
        AnsiConsole.MarkupLine($"  writes the users were told succeeded: {string.Join(", ", run.Writes.Select(p => $"{p.Key} {p.Value:N0}"))}");
        if (run.Database is { } database)
        {
            AnsiConsole.MarkupLine($"  PostgreSQL per answer (the run's mix): {database.TransactionsPerAnswer:N1} transactions (reads included), " +
                $"{database.RowsInsertedPerAnswer:N2} rows inserted, {database.RowsUpdatedPerAnswer:N2} updated, {database.WalBytesPerAnswer / 1024:N1} KB of WAL; " +
                $"{database.WalBytes / database.Seconds / 1024:N0} KB/s of WAL, database {database.DatabaseBytes / 1024.0 / 1024:N0} MB at the end");
        }
        foreach (var check in run.Checks)
        {
            AnsiConsole.MarkupLine($"  {(check.Passed ? "[green]pass[/]" : "[red]FAIL[/]")} {Markup.Escape(check.Name)}: {Markup.Escape(check.Detail)}");
        }
        foreach (var target in run.Targets)
        {
            AnsiConsole.MarkupLine($"  {(target.Met ? "[green]met[/] " : "[red]MISSED[/]")} {Markup.Escape(target.Name)}: {Markup.Escape(target.Measured)}");
        }
    }

    public static void Print(ScalingComparison comparison) =>
        AnsiConsole.MarkupLine($"[bold]1 vs {comparison.Replicas} replicas[/]: {comparison.OneReplicaAnswersPerSecond:F1} vs {comparison.ReplicasAnswersPerSecond:F1} answers/s " +
            $"before any kill (x{comparison.Ratio:F2}). {Markup.Escape(comparison.Note)}");
}
