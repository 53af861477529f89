using Assistant.Core.Evaluation.Release;
using Spectre.Console;

namespace Assistant.Cli;

internal static class ReleaseGatePrinter
{
    public static void Print(ReleaseGateReport report)
    {
        // Redirected output (CI logs) gets Spectre's 80 columns by default, which wraps every metric name.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);
        }
        foreach (var note in report.Notes)
        {
            AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        }
        // "all" decides; dev is where thresholds were tuned, held-out is reported only.
        foreach (var split in report.Rows.GroupBy(r => r.Split))
        {
            var table = new Table().Title($"{split.Key}{(split.Key == ReleaseSnapshot.All ? " (decides)" : " (reported)")}")
                .AddColumn("metric").AddColumn("baseline").AddColumn("now").AddColumn("delta").AddColumn("absolute gate").AddColumn("regression gate").AddColumn("result");
            foreach (var row in split)
            {
                var now = row.Interval is { Runs: > 1 } i ? $"{row.Now:0.####} [{i.Low:0.####}, {i.High:0.####}]" : $"{row.Now:0.####}";
                var result = row.Result switch
                {
                    MetricComparison.Pass => "[green]pass[/]",
                    MetricComparison.Fail => "[red]FAIL[/]",
                    var other => $"[yellow]{Markup.Escape(other)}[/]",
                };
                table.AddRow(Markup.Escape(row.Metric), $"{row.Baseline:0.####}", now, $"{row.Delta:+0.####;-0.####;0}", Markup.Escape(row.AbsoluteGate), Markup.Escape(row.RegressionGate), result);
            }
            AnsiConsole.Write(table);
        }
        AnsiConsole.MarkupLine($"Cases that flipped: {report.Flips.Count}");
        foreach (var flip in report.Flips)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(flip.CaseId)} {Markup.Escape(flip.Signal)}: {Markup.Escape(flip.Before)} → {Markup.Escape(flip.After)}");
        }
        AnsiConsole.MarkupLine(report.Passed ? "[green]Release gate passed[/]" : "[red]Release gate FAILED[/]");
    }
}
