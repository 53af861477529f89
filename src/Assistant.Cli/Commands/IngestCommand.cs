using System.CommandLine;
using Assistant.Core.Knowledge;
using Assistant.Core.Retrieval.Vectors;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var folder = new Option<string?>("--knowledge") { Description = "Knowledge folder (default: Assistant:KnowledgeDirectory, 'knowledge')." };
        var data = new Option<string?>("--data") { Description = "Data folder for the SQLite index (default: Assistant:DataDirectory, 'data')." };
        var noWait = new Option<bool>("--no-wait")
        {
            Description = "Commit the keyword index and stop: skip the embedding phase (a running web host, or the next ingest, embeds what is left).",
        };
        var command = new Command("ingest",
            "Ingest the knowledge folder into the index, incrementally (only changed files are re-processed): the keyword index first, then the vectors.")
        {
            folder, data, noWait,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(Overrides.From(parse.GetValue(data), parse.GetValue(folder)));
            var knowledge = host.Services.GetRequiredService<KnowledgeBase>();
            var source = knowledge.DefaultSource();
            var report = await ProgressPrinter.RunAsync("Ingesting", progress => knowledge.IngestAsync(source, progress, cancellationToken));
            ReportPrinter.Print(report);
            if (parse.GetValue(noWait))
            {
                AnsiConsole.MarkupLine("Keyword index committed; embedding skipped (--no-wait).");
                return 0;
            }
            var backfill = host.Services.GetRequiredService<VectorBackfill>();
            await EmbeddingProgressPrinter.RunAsync(progress => backfill.RunAsync(progress, cancellationToken));
            return 0;
        });
        return command;
    }
}
