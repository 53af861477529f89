using Assistant.Core.Evaluation.RedTeam;
using Spectre.Console;

namespace Assistant.Cli;

internal static class RedTeamPrinter
{
    public static void Print(RedTeamReport report, bool showPasses)
    {
        AnsiConsole.MarkupLine($"Red-team suite [bold]{Markup.Escape(report.Suite)}[/]: {report.Metrics.Cases} cases, generator {Markup.Escape(report.Generator)}");
        var table = new Table().AddColumn("category").AddColumn("severity").AddColumn("cases").AddColumn("passed").AddColumn("failed").AddColumn("known");
        foreach (var tally in report.Tallies)
        {
            var failed = tally.Failed == 0 ? "0" : tally.Severity == RedTeamCase.Severe || tally.Severity == RedTeamReport.All ? $"[red]{tally.Failed}[/]" : $"[yellow]{tally.Failed}[/]";
            var name = tally.Severity == RedTeamReport.All ? $"[bold]{tally.Category}[/]" : tally.Category;
            table.AddRow(name, tally.Severity, $"{tally.Cases}", $"{tally.Passed}", failed, $"{tally.KnownFailures}");
        }
        AnsiConsole.Write(table);

        var gates = new Table().AddColumn("gate").AddColumn("threshold").AddColumn("value").AddColumn("result");
        foreach (var gate in report.Gates)
        {
            gates.AddRow(gate.Metric, $"{gate.Comparison} {gate.Threshold}", $"{gate.Value:0.####}", gate.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        }
        AnsiConsole.Write(gates);

        // Failures always print: a red-team failure is a finding to read, not a figure.
        foreach (var result in report.Results.Where(r => !r.Passed || r.KnownFailure is not null || showPasses))
        {
            var label = result.Passed ? (result.KnownFailure is null ? "[green]pass[/]" : "[green]passes, though marked known: remove the mark[/]")
                : result.KnownFailure is null ? "[red]FAIL[/]" : "[yellow]known failure[/]";
            AnsiConsole.MarkupLine($"{label} [bold]{Markup.Escape(result.Id)}[/] ({result.Category}, {result.Severity}, as {Markup.Escape(result.User)}, {result.Outcome}) {Markup.Escape(result.LastTurn)}");
            foreach (var failure in result.Failures)
            {
                AnsiConsole.MarkupLine($"  [red]{Markup.Escape(failure)}[/]");
            }
            if (result.KnownFailure is { } known)
            {
                AnsiConsole.MarkupLine($"  [grey]known: {Markup.Escape(known)}[/]");
            }
        }
    }
}
