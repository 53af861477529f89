using Assistant.Core.Knowledge.Ingestion;
using Spectre.Console;

namespace Assistant.Cli;

/// <summary>Prints what screening did in an ingest run: hidden text left out, and sentences flagged as speaking to the assistant.</summary>
internal static class ScreeningPrinter
{
    public static void Print(IngestionReport report)
    {
        if (report.Dropped.Count > 0)
        {
            var dropped = new Table().AddColumn("Hidden text dropped").AddColumn("Line").AddColumn("Kind").AddColumn("Excerpt");
            foreach (var item in report.Dropped)
            {
                dropped.AddRow(Markup.Escape(item.SourcePath), item.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(item.Kind), Markup.Escape(item.Excerpt));
            }
            AnsiConsole.Write(dropped);
        }
        if (report.Flagged.Count > 0)
        {
            var flagged = new Table().AddColumn("Flagged article").AddColumn("Line").AddColumn("Why").AddColumn("Sentence");
            foreach (var item in report.Flagged)
            {
                flagged.AddRow(Markup.Escape(item.SourcePath), item.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(item.Reason), Markup.Escape(item.Text));
            }
            AnsiConsole.Write(flagged);
            AnsiConsole.MarkupLine("[yellow]Flagged sentences are never quoted or used as evidence until an admin clears them at /admin/content.[/]");
        }
    }
}
