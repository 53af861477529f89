using System.CommandLine;
using Assistant.Cli.Benchmarks;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>"bench embed": passages per second and milliseconds per query of the local model's two encoders.</summary>
internal static class EmbedBenchmarkCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "BEIR folder with corpus.jsonl and queries.jsonl.", Required = true };
        var passages = new Option<int>("--passages") { Description = "How many corpus documents to embed per round.", DefaultValueFactory = _ => 300 };
        var queries = new Option<int>("--queries") { Description = "How many queries to embed one at a time per round.", DefaultValueFactory = _ => 200 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds, alternating the two encoders.", DefaultValueFactory = _ => 3 };
        var output = new Option<string?>("--out") { Description = "Where to write the JSON result (default evals/results/embed-<dataset>.json)." };
        var command = new Command("embed", "Local embedding speed: the package's encoder beside ONNX Runtime with length-bucketed batches.")
        {
            dataset, passages, queries, rounds, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(dataset)!;
            var name = Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/'));
            var (passageTexts, queryTexts) = EmbeddingBenchmark.Load(folder, parse.GetValue(passages), parse.GetValue(queries));
            AnsiConsole.MarkupLine($"Embedding {passageTexts.Count} passages and {queryTexts.Count} queries from [bold]{Markup.Escape(name)}[/], {parse.GetValue(rounds)} alternating rounds");
            var result = await new EmbeddingBenchmark(passageTexts, queryTexts, parse.GetValue(rounds)).RunAsync(name, cancellationToken);
            Print(result);
            var path = parse.GetValue(output) ?? Path.Combine("evals", "results", $"embed-{name}.json");
            await BenchJson.WriteAsync(path, result, cancellationToken);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]");
            return 0;
        });
        return command;
    }

    private static void Print(EmbeddingBenchmarkResult result)
    {
        var table = new Table().AddColumn("encoder").AddColumn("passages/s").AddColumn("CPU ms/passage")
            .AddColumn("query ms mean").AddColumn("query ms P95").AddColumn("CPU ms/query");
        foreach (var figures in new[] { result.Package, result.Onnx })
        {
            table.AddRow(Markup.Escape(figures.Name), $"{figures.PassagesPerSecond:F1}", $"{figures.PassageCpuMs:F1}",
                $"{figures.QueryMs.Mean:F2}", $"{figures.QueryMs.P95:F2}", $"{figures.QueryCpuMs:F2}");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Passages ~{result.MeanPassageTokens:F0} word pieces. ONNX / package: passages {result.PassageSpeedRatio:F2}x, query latency {result.QueryLatencyRatio:F2}x faster.");
    }
}
