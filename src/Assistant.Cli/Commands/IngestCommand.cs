using System.CommandLine;
using Assistant.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var folder = new Option<string?>("--knowledge") { Description = "Knowledge folder (default: Assistant:KnowledgeDirectory, 'knowledge')." };
        var data = new Option<string?>("--data") { Description = "Data folder for the SQLite index (default: Assistant:DataDirectory, 'data')." };
        var command = new Command("ingest", "Ingest the knowledge folder into the index, incrementally (only changed files are re-processed).")
        {
            folder, data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(Overrides.From(parse.GetValue(data), parse.GetValue(folder)));
            var knowledge = host.Services.GetRequiredService<KnowledgeBase>();
            var source = knowledge.DefaultSource();
            var report = await ProgressPrinter.RunAsync("Ingesting", progress => knowledge.IngestAsync(source, progress, cancellationToken));
            ReportPrinter.Print(report);
            return 0;
        });
        return command;
    }
}
