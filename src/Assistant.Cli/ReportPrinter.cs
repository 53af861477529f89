using Assistant.Core.Knowledge.Ingestion;
using Spectre.Console;

namespace Assistant.Cli;

internal static class ReportPrinter
{
    public static void Print(IngestionReport report)
    {
        AnsiConsole.MarkupLine(
            $"[bold]Ingested[/] {Markup.Escape(report.Source)} in {report.Elapsed.TotalSeconds:F1}s: " +
            $"{report.Added} added, {report.Updated} updated, {report.Renamed} renamed, {report.Deleted} deleted, " +
            $"{report.Unchanged} unchanged, {report.Skipped.Count} skipped; {report.ChunksWritten} chunks written.");
        ScreeningPrinter.Print(report);
        if (report.Skipped.Count == 0)
        {
            return;
        }
        var table = new Table().AddColumn("Skipped file").AddColumn("Reason");
        foreach (var skipped in report.Skipped)
        {
            table.AddRow(Markup.Escape(skipped.SourcePath), Markup.Escape(skipped.Reason));
        }
        AnsiConsole.Write(table);
    }
}
