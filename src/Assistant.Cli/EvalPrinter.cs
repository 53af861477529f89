using Assistant.Core.Evaluation;
using Spectre.Console;

namespace Assistant.Cli;

internal static class EvalPrinter
{
    public static void Print(EvaluationReport report, bool showFailures)
    {
        // Thresholds are tuned on dev only; held-out shows how well they carry over to cases they were not tuned on.
        var metrics = new Table().AddColumn("metric");
        foreach (var split in report.Splits)
        {
            metrics.AddColumn($"{split.Split} ({split.Cases})");
        }
        foreach (var property in typeof(EvaluationMetrics).GetProperties())
        {
            metrics.AddRow([property.Name, .. report.Splits.Select(split => $"{property.GetValue(split.Metrics):0.####}")]);
        }
        AnsiConsole.MarkupLine($"Golden set [bold]{Markup.Escape(report.GoldenSet)}[/]: {report.Cases} cases, generator {Markup.Escape(report.Generator)}");
        AnsiConsole.Write(metrics);

        var gates = new Table().AddColumn("gate").AddColumn("threshold").AddColumn("value").AddColumn("result");
        foreach (var gate in report.Gates)
        {
            gates.AddRow(gate.Metric, $"{gate.Comparison} {gate.Threshold}", $"{gate.Value:0.####}", gate.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        }
        AnsiConsole.Write(gates);

        if (!showFailures)
        {
            return;
        }
        foreach (var result in report.Results.Where(r => r.Declined != (r.Type == "unanswerable") || r.FactsFound < r.FactsExpected || r.ForbiddenFound.Count > 0))
        {
            AnsiConsole.MarkupLine($"[yellow]{result.Id}[/] ({result.Type}, {result.Split}, {result.Outcome}, facts {result.FactsFound}/{result.FactsExpected}, hit@5 {result.RetrievalHit}) {Markup.Escape(result.Question)}");
            AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(result.Answer.Length > 300 ? result.Answer[..300] + "…" : result.Answer)}[/]");
        }
    }
}
