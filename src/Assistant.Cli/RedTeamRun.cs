using Assistant.Cli.Benchmarks;
using Assistant.Core.Evaluation;
using Assistant.Core.Evaluation.RedTeam;
using Assistant.Core.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli;

/// <summary>
/// <c>assistant eval --suite redteam</c>: the red-team cases through conversations over the knowledge folder plus the
/// suite's poisoned overlay, both copied into a throw-away data folder; the table printed, the JSON written, and
/// exit 1 when a gate fails (any unexpected severe failure, as evals/gates.json sets it).
/// </summary>
internal static class RedTeamRun
{
    public static async Task<int> RunAsync(string suite, string gatesPath, string output, bool showFailures, CancellationToken cancellationToken,
        EvalVersion? version = null)
    {
        var (results, generator) = await RunCasesAsync(suite, cancellationToken, version);
        var metrics = RedTeamReport.Score(results);
        var report = new RedTeamReport(suite, generator, DateTimeOffset.UtcNow, metrics, RedTeamReport.Tally(results),
            Gates.Check(gatesPath, "redteam", metrics), results) { ConfigVersion = version?.Id };

        RedTeamPrinter.Print(report, showFailures);
        await BenchJson.WriteAsync(output, report, cancellationToken);
        AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]");
        return report.Passed ? 0 : 1;
    }

    /// <summary>Every case of the suite folder, each as a new conversation, in a throw-away data folder.</summary>
    public static async Task<(IReadOnlyList<RedTeamCaseResult> Results, string Generator)> RunCasesAsync(string suite, CancellationToken cancellationToken,
        EvalVersion? version = null)
    {
        var cases = RedTeamCase.LoadFolder(suite);
        var data = Path.Combine(Path.GetTempPath(), $"assistant-redteam-{Guid.NewGuid():N}");
        try
        {
            // The knowledge folder as configured (default "knowledge"), read from a host before the run's own is built.
            string knowledge;
            using (var configured = CliHost.Build())
            {
                knowledge = configured.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Assistant.Core.AssistantOptions>>().Value.KnowledgeDirectory;
            }
            var folder = RedTeamKnowledge.Prepare(knowledge, Path.Combine(suite, "overlay"), Path.Combine(data, "knowledge"));
            using var host = CliHost.Build(new Dictionary<string, string?>
            {
                ["Assistant:DataDirectory"] = Path.Combine(data, "data"),
                ["Assistant:KnowledgeDirectory"] = folder,
            }, version?.Fixed);
            await host.Services.GetRequiredService<KnowledgeBase>().IngestAndEmbedDefaultFolderAsync(cancellationToken);
            await host.Services.GetRequiredService<Assistant.Core.Answers.Semantic.SentenceWarmup>().RunAsync(cancellationToken);
            var generator = GoldenRun.Generator(host.Services, version);

            return (await host.Services.GetRequiredService<RedTeamEvaluator>().RunAsync(cases, cancellationToken: cancellationToken), generator);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
