using System.CommandLine;
using Assistant.Core.Knowledge;
using Assistant.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to look for, in plain words." };
        var top = new Option<int>("--top", "-k") { Description = "How many passages to show.", DefaultValueFactory = _ => 5 };
        var filters = new Option<string[]>("--filter") { Description = "Metadata condition field:value, repeatable (tags:billing, category:policies).", AllowMultipleArgumentsPerToken = false };
        var data = new Option<string?>("--data") { Description = "Data folder for the SQLite index." };
        var command = new Command("search", "Search the knowledge index (ingests changed files first).") { query, top, filters, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ChunkFilter.TryParse(parse.GetValue(filters) ?? [], out var filter, out var error))
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error!)}");
                return 2;
            }
            using var host = CliHost.Build(Overrides.From(parse.GetValue(data), null));
            await host.Services.GetRequiredService<KnowledgeBase>().IngestAndEmbedDefaultFolderAsync(cancellationToken);
            var retriever = host.Services.GetRequiredService<HybridRetriever>();
            var response = await retriever.SearchAsync(new SearchRequest(parse.GetValue(query)!, Math.Clamp(parse.GetValue(top), 1, 100), filter), cancellationToken);

            if (response.Hits.Count == 0)
            {
                AnsiConsole.MarkupLine("No passages matched. Try other words or fewer filters.");
                return 0;
            }
            var rank = 0;
            foreach (var hit in response.Hits)
            {
                rank++;
                var trail = hit.HeadingPath.Count > 0 ? " › " + string.Join(" › ", hit.HeadingPath) : "";
                AnsiConsole.MarkupLine($"[bold]{rank}. {Markup.Escape(hit.Title)}[/]{Markup.Escape(trail)}  [grey]{Markup.Escape(hit.SourcePath)}:{hit.Start}-{hit.End}[/]");
                AnsiConsole.MarkupLine($"   [grey]score {hit.Score:F3} · keyword {Describe(hit.Scores.Keyword, hit.Scores.KeywordRank)} · vector {Describe(hit.Scores.Vector, hit.Scores.VectorRank)}[/]");
                AnsiConsole.WriteLine("   " + Snippet(hit.Text));
            }
            AnsiConsole.MarkupLine($"[grey]{response.Hits.Count} passages in {response.Milliseconds:F1} ms[/]");
            return 0;
        });
        return command;
    }

    private static string Describe(double? score, int? rank) => score is null ? "-" : $"{score:F3} (#{rank})";

    private static string Snippet(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 220 ? flat : flat[..220] + "…";
    }
}
