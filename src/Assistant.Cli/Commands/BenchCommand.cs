using System.CommandLine;
using System.Text.Json;
using Assistant.Cli.Benchmarks;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Storage;
using Assistant.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks that print figures and write them as JSON.");
        bench.Add(CreateRetrieval());
        bench.Add(ScaleBenchmarkCommand.Create());
        bench.Add(LoadBenchmarkCommand.Create());
        bench.Add(ScaleOutBenchmarkCommand.Create());
        bench.Add(EmbedBenchmarkCommand.Create());
        bench.Add(OverheadBenchmarkCommand.Create());
        bench.Add(OverheadBenchmarkCommand.CreateHost());
        return bench;
    }

    private static Command CreateRetrieval()
    {
        var dataset = new Option<string>("--dataset") { Description = "BEIR folder with corpus.jsonl, queries.jsonl, qrels/.", Required = true };
        var split = new Option<string>("--split") { Description = "Which qrels file to score (test or train).", DefaultValueFactory = _ => "test" };
        var output = new Option<string?>("--out") { Description = "Where to write the JSON result (default evals/results/retrieval-<dataset>-<split>.json)." };
        var sweep = new Option<bool>("--sweep") { Description = "Grid-search BM25 and fusion settings on the split instead (use --split train)." };
        var command = new Command("retrieval", "Retrieval quality and speed on a BEIR dataset, beside SQLite FTS5.") { dataset, split, output, sweep };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = BeirDataset.Load(parse.GetValue(dataset)!, parse.GetValue(split)!);
            var dataDirectory = Path.Combine(Path.GetTempPath(), $"assistant-bench-{Guid.NewGuid():N}");
            try
            {
                // No query cache: the timed pass follows an untimed one over the same queries, and the P95 is to
                // include embedding each query.
                using var host = CliHost.Build(new Dictionary<string, string?>
                {
                    ["Assistant:DataDirectory"] = dataDirectory,
                    ["Assistant:Embeddings:QueryCacheMegabytes"] = "0",
                });
                AnsiConsole.MarkupLine($"Benchmark [bold]{data.Name}[/] ({parse.GetValue(split)} split): {data.Queries.Count} judged queries, index in {dataDirectory}");
                var benchmark = new RetrievalBenchmark(host, data, parse.GetValue(split)!);
                if (parse.GetValue(sweep))
                {
                    await benchmark.RunAsync(ingest => ProgressPrinter.RunAsync("Ingesting", ingest), cancellationToken);
                    await RetrievalSweep.RunAsync(host.Services.GetRequiredService<IKnowledgeStore>(),
                        host.Services.GetRequiredService<HybridRetriever>(), host.Services.GetRequiredService<KnowledgeIndex>(), host.Services.GetRequiredService<EnglishAnalyzer>(), data, cancellationToken);
                    return 0;
                }
                var result = await benchmark.RunAsync(ingest => ProgressPrinter.RunAsync("Ingesting", ingest), cancellationToken);
                Print(result);
                var path = parse.GetValue(output) ?? Path.Combine("evals", "results", $"retrieval-{result.Dataset}-{result.Split}.json");
                await BenchJson.WriteAsync(path, result, cancellationToken);
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]");
                return 0;
            }
            finally
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        });
        return command;
    }

    private static void Print(RetrievalBenchmarkResult result)
    {
        AnsiConsole.MarkupLine(
            $"Ingest: {result.Ingest.Documents:N0} documents, {result.Ingest.Chunks:N0} chunks in {result.Ingest.Seconds:F2}s " +
            $"({result.Ingest.DocumentsPerSecond:N0} docs/s), {result.Ingest.Skipped} skipped; embedded in {result.Ingest.EmbeddingSeconds:F2}s " +
            $"({result.Ingest.EmbeddingPassagesPerSecond:N1} passages/s, {Markup.Escape(result.Ingest.EmbeddingModel)}). Peak memory {result.PeakMemoryMb:N0} MB.");
        var table = new Table()
            .AddColumn("system").AddColumn("nDCG@10").AddColumn("Recall@10").AddColumn("MRR@10")
            .AddColumn("P50 ms").AddColumn("P95 ms").AddColumn("P99 ms");
        foreach (var system in result.Systems)
        {
            table.AddRow(Markup.Escape(system.Name), $"{system.NdcgAt10:F4}", $"{system.RecallAt10:F4}", $"{system.MrrAt10:F4}",
                $"{system.LatencyMs.P50:F2}", $"{system.LatencyMs.P95:F2}", $"{system.LatencyMs.P99:F2}");
        }
        AnsiConsole.Write(table);
    }
}
