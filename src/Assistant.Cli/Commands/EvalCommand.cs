using System.CommandLine;
using Assistant.Cli.Benchmarks;
using Assistant.Core.Evaluation;
using Assistant.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>
/// "assistant eval": the golden set through the real answer pipeline over a fresh index of the knowledge folder,
/// metrics printed and written as JSON, release gates checked (non-zero exit when one fails). With
/// <c>--suite redteam</c>, the red-team cases instead (<see cref="RedTeamRun"/>).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var golden = new Option<string>("--golden") { Description = "Golden set (JSONL).", DefaultValueFactory = _ => Path.Combine("evals", "golden", "answers.jsonl") };
        var gates = new Option<string>("--gates") { Description = "Release gates.", DefaultValueFactory = _ => Path.Combine("evals", "gates.json") };
        var output = new Option<string?>("--out") { Description = "Where to write the JSON report (default evals/results/eval-<suite>.json)." };
        var verbose = new Option<bool>("--show-failures") { Description = "Print every case that missed a fact, a decline or a citation (red team: every case)." };
        var suite = new Option<string>("--suite") { Description = "Which suite: answers (the golden set) or redteam.", DefaultValueFactory = _ => "answers" };
        suite.AcceptOnlyFromAmong("answers", "redteam");
        var redTeam = new Option<string>("--redteam") { Description = "Red-team suite folder (case files and overlay/).", DefaultValueFactory = _ => Path.Combine("evals", "redteam") };
        var triageData = new Option<string?>("--data") { Description = "Also run the golden cases written in feedback triage in this data folder's assistant.db." };
        var command = new Command("eval", "Run the golden answer set (or the red-team suite) and check the release gates.") { golden, gates, output, verbose, suite, redTeam, triageData, EvalExportCommand.Create() };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(suite)!;
            var outputPath = parse.GetValue(output) ?? Path.Combine("evals", "results", $"eval-{chosen}.json");
            if (chosen == "redteam")
            {
                return await RedTeamRun.RunAsync(parse.GetValue(redTeam)!, parse.GetValue(gates)!, outputPath, parse.GetValue(verbose), cancellationToken);
            }
            var cases = GoldenCase.Load(parse.GetValue(golden)!);
            if (parse.GetValue(triageData) is { } triaged)
            {
                cases = await Assistant.Core.Feedback.Triage.TriagedGoldenCases.AddToAsync(cases, triaged, cancellationToken);
            }
            var data = Path.Combine(Path.GetTempPath(), $"assistant-eval-{Guid.NewGuid():N}");
            try
            {
                // No query cache: the untimed warm-up pass asks the same questions, and the latency gate is about a
                // question the assistant has not heard before.
                using var host = CliHost.Build(new Dictionary<string, string?>
                {
                    ["Assistant:DataDirectory"] = data,
                    ["Assistant:Embeddings:QueryCacheMegabytes"] = "0",
                });
                await host.Services.GetRequiredService<KnowledgeBase>().IngestAndEmbedDefaultFolderAsync(cancellationToken);
                await host.Services.GetRequiredService<Assistant.Core.Answers.Semantic.SentenceWarmup>().RunAsync(cancellationToken);
                var evaluator = host.Services.GetRequiredService<AnswerEvaluator>();
                var generator = host.Services.GetRequiredService<IChatClient>().GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";

                // One untimed pass warms the JIT, so latency figures are steady state.
                await evaluator.RunAsync(cases.Take(10).ToList(), cancellationToken: cancellationToken);
                var (metrics, results) = await evaluator.RunAsync(cases, cancellationToken: cancellationToken);
                var gateResults = Gates.Check(parse.GetValue(gates)!, "answers", metrics);
                var report = new EvaluationReport(parse.GetValue(golden)!, cases.Count, generator, DateTimeOffset.UtcNow, metrics,
                    AnswerEvaluator.ScoreSplits(cases, results), gateResults, results);

                EvalPrinter.Print(report, parse.GetValue(verbose));
                await BenchJson.WriteAsync(outputPath, report, cancellationToken);
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outputPath)}[/]");
                return report.Passed ? 0 : 1;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(data, recursive: true);
            }
        });
        return command;
    }
}
