using System.CommandLine;
using System.Diagnostics;
using Assistant.Cli.Benchmarks;
using Assistant.Core.Knowledge;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>
/// "bench ingest": generates a large help center, ingests it cold (time to keyword-ready: search answers from then
/// on; then time to fully embedded, with the embedding rate), then measures a restart with nothing changed in a fresh
/// process (process start, configuration, folder scan and hashing, index load), the time a user waits.
/// </summary>
internal static class ScaleBenchmarkCommand
{
    // Started as `dotnet assistant.dll`, the process is the dotnet host and needs the assembly path to run us again.
    private static string[] SelfArguments() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(ScaleBenchmarkCommand).Assembly.Location] : [];

    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "How many articles to generate.", DefaultValueFactory = _ => 3000 };
        var size = new Option<int>("--article-bytes") { Description = "Approximate size of each article.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<string>("--seed-folder") { Description = "Folder whose prose the generator samples.", DefaultValueFactory = _ => "knowledge" };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated folder and index (printed) for further runs." };
        var output = new Option<string>("--out") { Description = "Where to write the JSON result.", DefaultValueFactory = _ => Path.Combine("evals", "results", "ingest-scale.json") };
        var command = new Command("ingest", "Ingest speed and restart time on a generated help center (default 3,000 articles, ~30 MB).") { articles, size, seed, output, keep };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = Path.Combine(Path.GetTempPath(), $"assistant-scale-{Guid.NewGuid():N}");
            var folder = Path.Combine(root, "knowledge");
            var data = Path.Combine(root, "data");
            try
            {
                var bytes = ArticleGenerator.Generate(parse.GetValue(seed)!, folder, parse.GetValue(articles), parse.GetValue(size));
                AnsiConsole.MarkupLine($"Generated {parse.GetValue(articles):N0} articles, {bytes / 1024.0 / 1024.0:F1} MB, in {folder}");

                double coldSeconds;
                double embeddedSeconds;
                int chunks;
                EmbeddingStatus embedding;
                using (var host = CliHost.Build(Overrides.From(data, folder)))
                {
                    var knowledge = host.Services.GetRequiredService<KnowledgeBase>();
                    var cold = Stopwatch.StartNew();
                    var report = await ProgressPrinter.RunAsync("Cold ingest", progress => knowledge.IngestDefaultFolderAsync(progress, cancellationToken));
                    coldSeconds = cold.Elapsed.TotalSeconds;
                    chunks = host.Services.GetRequiredService<KnowledgeIndex>().Current.Chunks.Count;
                    ReportPrinter.Print(report);
                    var backfill = host.Services.GetRequiredService<VectorBackfill>();
                    embedding = await EmbeddingProgressPrinter.RunAsync(progress => backfill.RunAsync(progress, cancellationToken));
                    embeddedSeconds = cold.Elapsed.TotalSeconds;
                }

                // A new process, as after a restart: nothing is warm but the OS file cache.
                var clock = Stopwatch.StartNew();
                var restart = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. SelfArguments(), "ingest", "--knowledge", folder, "--data", data, "--no-wait"])
                {
                    RedirectStandardOutput = true,
                })!;
                var restartOutput = await restart.StandardOutput.ReadToEndAsync(cancellationToken);
                await restart.WaitForExitAsync(cancellationToken);
                var restartSeconds = clock.Elapsed.TotalSeconds;
                if (restart.ExitCode != 0)
                {
                    throw new InvalidOperationException($"Restart run failed with exit code {restart.ExitCode}: {restartOutput}");
                }

                var result = new
                {
                    Articles = parse.GetValue(articles),
                    Megabytes = Math.Round(bytes / 1024.0 / 1024.0, 1),
                    Chunks = chunks,
                    ColdIngestSeconds = Math.Round(coldSeconds, 2),
                    KeywordReadySeconds = Math.Round(coldSeconds, 2),
                    FullyEmbeddedSeconds = Math.Round(embeddedSeconds, 2),
                    EmbeddingModel = embedding.Model,
                    EmbeddingPassagesPerSecond = Math.Round(chunks / Math.Max(embeddedSeconds - coldSeconds, 1e-3), 1),
                    ArticlesPerSecond = Math.Round(parse.GetValue(articles) / coldSeconds, 1),
                    RestartReadySeconds = Math.Round(restartSeconds, 2),
                    Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
                    RanAt = DateTimeOffset.UtcNow,
                };
                AnsiConsole.MarkupLine($"Keyword-ready after {result.KeywordReadySeconds:F2}s ({result.ArticlesPerSecond:N0} articles/s, {chunks:N0} chunks); " +
                    $"fully embedded after {result.FullyEmbeddedSeconds:F2}s ({result.EmbeddingPassagesPerSecond:N1} passages/s with {Markup.Escape(embedding.Model)}); " +
                    $"restart with nothing changed, ready in {result.RestartReadySeconds:F2}s (new process, scan + hash + index load).");
                await BenchJson.WriteAsync(parse.GetValue(output)!, result, cancellationToken);
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(parse.GetValue(output)!)}[/]");
                return 0;
            }
            finally
            {
                if (parse.GetValue(keep))
                {
                    AnsiConsole.MarkupLine($"Kept {Markup.Escape(root)}");
                }
                else
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        });
        return command;
    }
}
